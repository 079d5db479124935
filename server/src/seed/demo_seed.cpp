// SPDX-License-Identifier: Apache-2.0
// The demo identities are documented in the README: customer 13800138000 (SMS code from
// --sandbox-otp), engineer E1001 / demo1001, admin A0001 / admin0001, kiosk K-DC01 /
// demo-kiosk-secret-0001.
#include "seed/demo_seed.hpp"

#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "security.hpp"

namespace selfcare::server {
namespace {

using Json = nlohmann::json;

struct Customer {
    const char* msisdn;
    const char* name;
    const char* plan;
    std::int64_t balance_fen;
    std::int64_t points;
    const char* area;
    const char* area_type;
    const char* address;
};

const Customer kCustomers[] = {
    {"13800138000", "王秀兰", "P-58", 4650, 2680, "dongcheng", "urban", "幸福路 12 号 3 单元 501"},
    {"13900139000", "李建国", "P-128", 12800, 5200, "dongcheng", "urban", "光明街 8 号 2 单元 302"},
    {"13700137000", "张伟", "P-39", -1250, 300, "xishan", "rural", "西山镇柳树村 3 组 17 号"},
    {"15800158000", "陈静", "P-58", 8800, 1500, "xishan", "rural", "西山镇中心街 45 号"},
    {"18600186000", "刘洋", "P-198", 30000, 9800, "dongcheng", "urban", "人民大道 100 号 1 栋 1801"},
};

struct Product {
    const char* id;
    const char* kind;
    const char* name_zh;
    const char* name_en;
    std::int64_t price_fen;
    std::int64_t data_mb, voice, sms;
    const char* desc_zh;
    const char* desc_en;
};

const Product kProducts[] = {
    {"P-39", "plan", "畅享 39 元套餐", "Easy 39", 3900, 10240, 100, 50, "每月 10GB 流量、100 分钟通话", "10 GB and 100 minutes a month"},
    {"P-58", "plan", "畅享 58 元套餐", "Easy 58", 5800, 30720, 300, 100, "每月 30GB 流量、300 分钟通话", "30 GB and 300 minutes a month"},
    {"P-128", "plan", "5G 畅享 128 元套餐", "5G Plus 128", 12800, 102400, 800, 200, "每月 100GB 流量、800 分钟通话", "100 GB and 800 minutes a month"},
    {"P-198", "plan", "5G 尊享 198 元套餐", "5G Premium 198", 19800, 204800, 1500, 300, "每月 200GB 流量、1500 分钟通话", "200 GB and 1500 minutes a month"},
    {"P-19-ELDER", "plan", "长辈关爱 19 元套餐", "Senior Care 19", 1900, 5120, 300, 50, "每月 5GB 流量、300 分钟通话，亲情号码免费", "5 GB, 300 minutes, free family numbers"},
    {"A-DATA-10G", "addon", "10GB 流量包", "10 GB data pack", 3000, 10240, 0, 0, "当月有效的 10GB 通用流量", "10 GB for the rest of the month"},
    {"A-GAME", "addon", "电竞加速包", "Gaming accelerator", 1500, 0, 0, 0, "游戏专属加速通道，降低延迟", "Low-latency lane for games"},
    {"A-CLOUD-200G", "addon", "云盘扩容 200GB", "Cloud storage +200 GB", 1000, 0, 0, 0, "云盘空间增加 200GB", "200 GB more cloud storage"},
    {"A-VOICE-100", "addon", "100 分钟通话包", "100-minute voice pack", 1000, 0, 100, 0, "当月有效的 100 分钟国内通话", "100 domestic minutes this month"},
};

struct Article {
    const char* id;
    const char* locale;
    const char* title;
    const char* body;
    const char* tags;
};

const Article kArticles[] = {
    {"KB-001", "zh-CN", "宽带断网怎么办", "1. 查看光猫 LOS 灯：红灯闪烁表示光纤中断，请直接申报故障。2. 重启光猫和路由器，等待 3 分钟。3. 仍无法上网请在“故障申报”中选择“宽带断网”。", "宽带,断网,光猫,LOS"},
    {"KB-002", "zh-CN", "手机没有信号", "请先开关一次飞行模式；检查 SIM 卡是否插好；在室内可靠近窗户。若同一地点长期无信号，请申报“无信号”故障并附上位置。", "信号,无服务,SIM"},
    {"KB-003", "zh-CN", "上网速度慢", "高峰时段网速可能下降。请关闭后台下载，检查是否已用完高速流量。可开启 5G 或购买流量包。", "网速,慢,流量"},
    {"KB-004", "zh-CN", "如何查询话费余额", "在首页点“业务查询”，即可看到话费余额、套餐剩余流量和通话分钟数。", "话费,余额,查询"},
    {"KB-005", "zh-CN", "账单和详单的区别", "账单是每月应缴费用汇总；详单列出每一次通话、短信和上网记录。", "账单,详单"},
    {"KB-006", "zh-CN", "如何更换套餐", "在“套餐办理”中选择新套餐，确认价格和生效时间后提交。每个账期只能变更一次主套餐。", "套餐,变更,办理"},
    {"KB-007", "zh-CN", "流量包什么时候生效", "流量包购买后立即生效，当月有效，月底未用完的流量不结转。", "流量包,生效"},
    {"KB-008", "zh-CN", "积分可以兑换什么", "积分可以兑换流量券、视频会员和购物券。兑换后立即扣减积分，不可撤销。", "积分,兑换,权益"},
    {"KB-009", "zh-CN", "维修进度怎么查", "在“维修进度”中可以看到工单状态、每一步的时间、承诺完成时间，以及维修师傅的位置和预计到达时间。", "维修,进度,工单"},
    {"KB-010", "zh-CN", "投诉多久有回复", "我们承诺 24 小时内初步回复，一般问题 24 小时内解决，复杂问题最长 7 天。", "投诉,时限,回复"},
    {"KB-011", "zh-CN", "长辈模式怎么打开", "在任意页面右上角点“长辈模式”，字体和按钮会变大，并有语音引导。", "长辈模式,大字"},
    {"KB-012", "zh-CN", "恶劣天气通信保障", "台风、暴雨期间如遇通信中断，我们会优先抢修，并发放临时流量包补偿。", "天气,保障,补偿"},
    {"KB-013", "zh-CN", "服务密码忘了怎么办", "可凭短信验证码登录后在营业厅重置服务密码，请勿把密码告诉他人。", "服务密码,重置"},
    {"KB-014", "zh-CN", "光猫指示灯说明", "PON 灯常亮为正常注册；LOS 灯红色为光信号丢失；LAN 灯闪烁表示有数据传输。", "光猫,指示灯,PON"},
    {"EN-001", "en", "My broadband is down", "1. Check the LOS light on the optical modem: red means the fibre is cut, report a fault. 2. Restart the modem and router and wait 3 minutes. 3. Still offline? Report 'Broadband down'.", "broadband,modem,offline"},
    {"EN-002", "en", "No mobile signal", "Toggle airplane mode, check the SIM card, move near a window. If one place never has signal, report a 'No signal' fault.", "signal,no service,SIM"},
    {"EN-003", "en", "Slow mobile data", "Speeds can drop at peak hours. Stop background downloads and check whether your high-speed allowance is used up.", "speed,slow,data"},
    {"EN-004", "en", "Checking your balance", "Tap Query on the home screen to see your balance, plan and what is left of your allowances.", "balance,query"},
    {"EN-005", "en", "Changing your plan", "Pick a plan under Plans, check price and start date, and confirm. One plan change per billing cycle.", "plan,change"},
    {"EN-006", "en", "Redeeming points", "Points buy data coupons, memberships and vouchers. Points are deducted once, when you confirm.", "points,rewards,redeem"},
    {"EN-007", "en", "Tracking a repair", "Track my repair shows the status, every step with its time, the promised deadline, and the engineer's position and ETA.", "repair,progress,engineer"},
    {"EN-008", "en", "How fast complaints are answered", "We respond within 24 hours, fix ordinary issues within 24 hours and complex ones within 7 days.", "complaint,deadline"},
};

std::int64_t epoch(std::chrono::sys_seconds t) { return t.time_since_epoch().count(); }

}  // namespace

domain::Result<void> seed_demo(Context& ctx) {
    auto exists = ctx.db.query("SELECT 1 FROM customers WHERE msisdn = '13800138000'");
    if (!exists) return exists.error();
    if (!exists->empty()) return domain::success();

    // Hash outside the transaction: Argon2id is deliberately slow.
    const std::string engineer_hash = hash_password("demo1001");
    const std::string engineer2_hash = hash_password("demo1002");
    const std::string engineer3_hash = hash_password("demo1003");
    const std::string admin_hash = hash_password("admin0001");
    const std::string service_hash = hash_password("135790");
    const std::int64_t now = ctx.now();

    return ctx.db.transaction([&](Sql& sql) -> domain::Result<void> {
        const auto run = [&](std::string_view q, const SqlParams& p) -> domain::Result<void> {
            auto r = sql.execute(q, p);
            if (!r) return r.error();
            return domain::success();
        };
#define SC_TRY(expr) \
    if (auto r_ = (expr); !r_) return r_
        SC_TRY(run("INSERT INTO stores VALUES ('S-DC01', '东城营业厅', 'dongcheng')", {}));
        SC_TRY(run("INSERT INTO stores VALUES ('S-XS01', '西山镇营业厅', 'xishan')", {}));
        SC_TRY(run("INSERT INTO devices VALUES ('K-DC01', 'S-DC01', ?, ?)", {sha256_hex("demo-kiosk-secret-0001"), now}));
        SC_TRY(run("INSERT INTO staff VALUES ('E1001', '赵师傅', 'engineer', ?, 'dongcheng', 'S-DC01')", {engineer_hash}));
        SC_TRY(run("INSERT INTO staff VALUES ('E1002', '钱师傅', 'engineer', ?, 'dongcheng', 'S-DC01')", {engineer2_hash}));
        SC_TRY(run("INSERT INTO staff VALUES ('E2001', '孙师傅', 'engineer', ?, 'xishan', 'S-XS01')", {engineer3_hash}));
        SC_TRY(run("INSERT INTO staff VALUES ('A0001', '周主管', 'admin', ?, 'all', NULL)", {admin_hash}));
        for (const Product& p : kProducts) {
            SC_TRY(run("INSERT INTO products VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       {p.id, p.kind, p.name_zh, p.name_en, p.price_fen, p.data_mb, p.voice, p.sms, p.desc_zh, p.desc_en}));
        }
        for (const Customer& c : kCustomers) {
            const bool demo = std::string(c.msisdn) == "13800138000";
            SC_TRY(run("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                       {c.msisdn, c.name, c.plan, c.balance_fen, c.points, c.area, c.area_type, c.address,
                        demo ? SqlValue(service_hash) : SqlValue(nullptr)}));
            SC_TRY(run("INSERT INTO allowances VALUES (?, 'data', 30720, 21504, 'MB')", {c.msisdn}));
            SC_TRY(run("INSERT INTO allowances VALUES (?, 'voice', 300, 126, 'min')", {c.msisdn}));
            SC_TRY(run("INSERT INTO allowances VALUES (?, 'sms', 100, 12, 'sms')", {c.msisdn}));
        }
        // Six months of bills and itemised usage for every customer.
        using namespace std::chrono;
        const auto today = year_month_day{floor<days>(sys_seconds{seconds{now}})};
        for (const Customer& c : kCustomers) {
            for (int back = 1; back <= 6; ++back) {
                const year_month ym = year_month{today.year(), today.month()} - months{back};
                const unsigned mm = static_cast<unsigned>(ym.month());
                const std::string month = std::to_string(static_cast<int>(ym.year())) + (mm < 10 ? "-0" : "-") + std::to_string(mm);
                const std::int64_t extra = (back * 370 + std::string(c.msisdn).back() * 13) % 2000;
                const Json items = Json::array({{{"name", "套餐月费"}, {"nameEn", "Monthly plan fee"}, {"fen", 5800}},
                                                {{"name", "超出套餐流量"}, {"nameEn", "Data beyond allowance"}, {"fen", extra}}});
                SC_TRY(run("INSERT INTO bills VALUES (?, ?, ?, ?, 'settled', ?)",
                           {"B-" + std::string(c.msisdn) + "-" + month, c.msisdn, month, 5800 + extra, items.dump()}));
                const std::int64_t start = epoch(sys_days{ym / 1} + hours{1});
                for (int i = 0; i < 12; ++i) {
                    const char* kind = i % 3 == 0 ? "voice" : (i % 3 == 1 ? "data" : "sms");
                    const std::string counterpart = i % 3 == 1 ? "" : "139****" + std::to_string(1000 + i * 37);
                    SC_TRY(run("INSERT INTO usage_records (msisdn, month, at, kind, counterpart, quantity, charge_fen)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?)",
                               {c.msisdn, month, start + i * 2 * 86400 + i * 3600, kind, counterpart,
                                std::int64_t{i % 3 == 1 ? 51200 : (i % 3 == 0 ? 180 + i * 20 : 1)}, std::int64_t{i % 5 == 0 ? 10 : 0}}));
                }
            }
        }
        SC_TRY(run("INSERT INTO rewards VALUES ('R-DATA-5G', '5GB 流量券', '5 GB data coupon', 'dataCoupon', 500)", {}));
        SC_TRY(run("INSERT INTO rewards VALUES ('R-VIDEO-M', '视频会员月卡', 'Video membership, 1 month', 'membership', 1500)", {}));
        SC_TRY(run("INSERT INTO rewards VALUES ('R-SHOP-20', '20 元购物券', '20 yuan shopping voucher', 'voucher', 2000)", {}));
        SC_TRY(run("INSERT INTO rewards VALUES ('R-CALL-60', '60 分钟通话券', '60-minute call coupon', 'dataCoupon', 800)", {}));
        SC_TRY(run("INSERT INTO rewards VALUES ('R-COMP-1G', '故障补偿 1GB 流量包', 'Outage compensation 1 GB', 'compensation', 0)", {}));
        for (const Article& a : kArticles) {
            SC_TRY(run("INSERT INTO kb_articles VALUES (?, ?, ?, ?, ?)", {a.id, a.locale, a.title, a.body, a.tags}));
        }
        SC_TRY(run("INSERT INTO notices VALUES ('N-1', 'dongcheng', 'maintenance', '网络优化预告',"
                   " 'Network upgrade notice', '本周四凌晨 1:00-5:00 东城区基站升级，期间信号可能短暂中断。',"
                   " 'Thursday 01:00-05:00 base stations in Dongcheng are upgraded; signal may drop briefly.', ?, ?)",
                   {now, now + 7 * 86400}));
        SC_TRY(run("INSERT INTO notices VALUES ('N-2', 'all', 'weather', '通信保障提示', 'Severe weather notice',"
                   " '暴雨预警期间如遇通信中断，可在自助终端申报故障，我们将优先抢修。',"
                   " 'During the rainstorm warning, report outages at any kiosk; repairs get priority.', ?, ?)",
                   {now, now + 3 * 86400}));

        // The demo customer's tickets in several states; one has a work order for E1001.
        const auto ticket = [&](const std::string& id, const char* category, const char* sub, const char* status,
                                std::int64_t created, const char* description, bool address) -> domain::Result<void> {
            SC_TRY(run("INSERT INTO tickets (id, msisdn, category, subcategory, severity, channel, description, contact,"
                       " address, area_type, status, tier, repeat_flag, complex, created_at, updated_at, acknowledge_by,"
                       " resolve_by, first_response_at, resolved_at, compensated) VALUES"
                       " (?, '13800138000', ?, ?, 'major', 'app', ?, '13800138000', ?, 'urban', ?, 'store', 0, 0, ?, ?, ?, ?, ?, ?, 0)",
                       {id, category, sub, description, address ? SqlValue(kCustomers[0].address) : SqlValue(nullptr), status,
                        created, now, created + 86400, created + (std::string(category) == "network" ? 86400 : 86400),
                        std::string(status) == "acknowledged" ? SqlValue(nullptr) : SqlValue(created + 1800),
                        std::string(status) == "resolved" || std::string(status) == "closed" ? SqlValue(now - 3600) : SqlValue(nullptr)}));
            SC_TRY(run("INSERT INTO ticket_events (ticket_id, at, status, actor, note) VALUES (?, ?, 'acknowledged', 'system', 'received')",
                       {id, created}));
            if (std::string(status) != "acknowledged") {
                SC_TRY(run("INSERT INTO ticket_events (ticket_id, at, status, actor, note) VALUES (?, ?, 'inProgress', 'system', 'being handled')",
                           {id, created + 1800}));
            }
            if (std::string(status) == "resolved" || std::string(status) == "closed") {
                SC_TRY(run("INSERT INTO ticket_events (ticket_id, at, status, actor, note) VALUES (?, ?, 'resolved', 'E1002', 'fixed')",
                           {id, now - 3600}));
            }
            if (std::string(status) == "closed") {
                SC_TRY(run("INSERT INTO ticket_events (ticket_id, at, status, actor, note) VALUES (?, ?, 'closed', 'customer', 'confirmed')",
                           {id, now - 600}));
            }
            return domain::success();
        };
        SC_TRY(ticket("TT-DEMO-0001", "network", "broadbandDown", "inProgress", now - 5 * 3600,
                      "家里宽带从早上开始断网，光猫 LOS 灯红色闪烁", true));
        SC_TRY(ticket("TT-DEMO-0002", "business", "billingDispute", "acknowledged", now - 2 * 3600,
                      "上月账单多扣了 20 元流量费，请核实", false));
        SC_TRY(ticket("TT-DEMO-0003", "network", "slowData", "resolved", now - 2 * 86400,
                      "晚上上网很慢，视频一直缓冲", false));
        SC_TRY(ticket("TT-DEMO-0004", "service", "slowResponse", "closed", now - 10 * 86400,
                      "热线等待时间太长", false));
        SC_TRY(run("INSERT INTO work_orders (id, ticket_id, assignee, status, appointment_start, appointment_end, created_at, updated_at)"
                   " VALUES ('WO-DEMO-0001', 'TT-DEMO-0001', 'E1001', 'assigned', ?, ?, ?, ?)",
                   {now + 3600, now + 4 * 3600, now - 5 * 3600 + 1800, now}));
        SC_TRY(run("INSERT INTO work_order_events (work_order_id, at, status, actor, note) VALUES ('WO-DEMO-0001', ?, 'assigned', 'system', 'dispatched')",
                   {now - 5 * 3600 + 1800}));
#undef SC_TRY
        return domain::success();
    });
}

}  // namespace selfcare::server
