// SPDX-License-Identifier: Apache-2.0
// The Linux speech engine for real: espeak-ng synthesises each screen's prompt into a WAV file
// that must hold speech, not silence; stop() and a new say() cut speech short; personal data
// is refused over the speaker; a kiosk without a sound device stays up and silent.
#include <doctest/doctest.h>
#include <sndfile.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "platform_linux/speech_espeak.hpp"
#include "speech/pronunciations.hpp"
#include "speech/spoken_text.hpp"
#include "support/temp_dir.hpp"

using namespace selfcare;
using kiosk::devices::Locale;
using kiosk::devices::Privacy;
using kiosk::devices::SpeechEvent;
using kiosk::devices::Utterance;
using platform_linux::EspeakOptions;
using platform_linux::EspeakSpeech;
using platform_linux::WavPacing;
namespace fs = std::filesystem;

namespace {

// A safety net so a broken engine fails the test instead of hanging it; never a measurement.
constexpr auto kPatience = std::chrono::seconds(60);

// Collects the wake events the speech thread sends, as the kiosk's loop would see them.
class Wakes {
public:
    kiosk::devices::SpeechWake callback() {
        return [this](SpeechEvent e) {
            std::lock_guard<std::mutex> lock(mutex_);
            events_.push_back(e);
            changed_.notify_all();
        };
    }
    bool wait_for(SpeechEvent e, std::size_t count = 1) {
        std::unique_lock<std::mutex> lock(mutex_);
        return changed_.wait_for(lock, kPatience, [&] { return count_locked(e) >= count; });
    }
    std::size_t count(SpeechEvent e) {
        std::lock_guard<std::mutex> lock(mutex_);
        return count_locked(e);
    }

private:
    std::size_t count_locked(SpeechEvent e) const {
        std::size_t n = 0;
        for (auto x : events_) n += x == e ? 1 : 0;
        return n;
    }
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<SpeechEvent> events_;
};

struct Wav {
    int sample_rate = 0;
    std::vector<short> samples;
};

Wav read_wav(const fs::path& path) {
    SF_INFO info{};
    SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
    Wav wav;
    if (f == nullptr) return wav;
    wav.sample_rate = info.samplerate;
    wav.samples.resize(static_cast<std::size_t>(info.frames * info.channels));
    sf_read_short(f, wav.samples.data(), static_cast<sf_count_t>(wav.samples.size()));
    sf_close(f);
    return wav;
}

double rms(const std::vector<short>& samples) {
    if (samples.empty()) return 0;
    double sum = 0;
    for (short s : samples) sum += static_cast<double>(s) * s;
    return std::sqrt(sum / static_cast<double>(samples.size()));
}

EspeakOptions wav_options(const fs::path& wav, Wakes& wakes, WavPacing pacing = WavPacing::kAsFastAsSynthesised,
                          bool headset = false) {
    EspeakOptions o;
    o.sink = platform_linux::make_wav_file_sink(wav, pacing);
    o.wake = wakes.callback();
    o.headset_probe = [headset] { return headset; };
    return o;
}

Utterance prompt(const kiosk::speech::SpokenText& text, Locale locale) {
    return kiosk::speech::to_utterance(text, locale, kiosk::devices::kElderRateWpm, false);
}

// A long instruction, so that there is something left to cut.
Utterance long_prompt() {
    kiosk::speech::SpokenText t;
    t.text("请将身份证放在读卡区域，听到提示音后再拿开。如果读卡失败，请重新放置，"
           "或者选择输入手机号码和验证码。需要帮助时，请按呼叫工作人员。");
    return prompt(t, Locale::kZhCN);
}

}  // namespace

TEST_CASE("each screen's title and instruction are spoken, not silence") {
    test::TempDir dir;
    const fs::path wav = dir / "speech.wav";
    Wakes wakes;
    EspeakSpeech engine(wav_options(wav, wakes));
    REQUIRE_FALSE(engine.health().has_value());

    struct Screen {
        const char* name;
        Locale locale;
        kiosk::speech::SpokenText text;
    };
    std::vector<Screen> screens;
    screens.push_back({"identify zh-CN", Locale::kZhCN,
                       kiosk::speech::SpokenText().text("长辈模式。请插入身份证，或输入手机号码。")});
    screens.push_back({"receipt zh-CN", Locale::kZhCN,
                       kiosk::speech::SpokenText().text("缴费成功，金额").money(12345).text("。请取走凭条。")});
    screens.push_back({"home zh-TW", Locale::kZhTW,
                       kiosk::speech::SpokenText().text("首頁。請選擇要辦理的業務。")});
    screens.push_back({"identify en", Locale::kEn,
                       kiosk::speech::SpokenText().text("Identify. Insert your ID card or enter your phone number.")});

    std::size_t finished = 0;
    for (const auto& screen : screens) {
        CAPTURE(screen.name);
        fs::remove(wav);
        REQUIRE(engine.say(prompt(screen.text, screen.locale)).ok());
        REQUIRE(wakes.wait_for(SpeechEvent::kFinished, ++finished));
        CHECK_FALSE(engine.speaking());
        const Wav audio = read_wav(wav);
        CHECK(audio.sample_rate == 22050);
        CHECK(audio.samples.size() > static_cast<std::size_t>(audio.sample_rate));  // over a second of sound
        CHECK(rms(audio.samples) > 300.0);  // speech, not silence (full scale is 32767)
    }
    CHECK(wakes.count(SpeechEvent::kStarted) == screens.size());
    CHECK(wakes.count(SpeechEvent::kStopped) == 0);
}

TEST_CASE("a lower volume step gives quieter speech") {
    test::TempDir dir;
    Wakes wakes;
    EspeakSpeech engine(wav_options(dir / "speech.wav", wakes));
    kiosk::speech::SpokenText t;
    t.text("请选择要办理的业务");
    Utterance loud = prompt(t, Locale::kZhCN);
    Utterance quiet = loud;
    quiet.volume_percent = 40;
    REQUIRE(engine.say(loud).ok());
    REQUIRE(wakes.wait_for(SpeechEvent::kFinished, 1));
    const double loud_rms = rms(read_wav(dir / "speech.wav").samples);
    REQUIRE(engine.say(quiet).ok());
    REQUIRE(wakes.wait_for(SpeechEvent::kFinished, 2));
    const double quiet_rms = rms(read_wav(dir / "speech.wav").samples);
    CHECK(quiet_rms > 0.0);
    CHECK(quiet_rms < loud_rms * 0.7);
}

TEST_CASE("stop() in the middle of an utterance ends it early") {
    test::TempDir dir;
    Wakes whole_wakes;
    std::uintmax_t whole_size = 0;
    {
        EspeakSpeech engine(wav_options(dir / "whole.wav", whole_wakes));
        REQUIRE(engine.say(long_prompt()).ok());
        REQUIRE(whole_wakes.wait_for(SpeechEvent::kFinished));
        whole_size = fs::file_size(dir / "whole.wav");
    }

    // Paced like a sound card, so the utterance is still playing when the "touch" comes.
    Wakes wakes;
    EspeakSpeech engine(wav_options(dir / "cut.wav", wakes, WavPacing::kRealTime));
    REQUIRE(engine.say(long_prompt()).ok());
    REQUIRE(wakes.wait_for(SpeechEvent::kStarted));
    CHECK(engine.speaking());
    engine.stop();
    REQUIRE(wakes.wait_for(SpeechEvent::kStopped));
    CHECK_FALSE(engine.speaking());
    CHECK(wakes.count(SpeechEvent::kFinished) == 0);
    const auto cut_size = fs::file_size(dir / "cut.wav");
    CHECK(cut_size < whole_size / 2);
    CHECK(rms(read_wav(dir / "cut.wav").samples) > 0.0);
}

TEST_CASE("a new screen's say() cancels the old speech and speaks the new one") {
    test::TempDir dir;
    Wakes short_wakes;
    std::uintmax_t short_size = 0;
    kiosk::speech::SpokenText home;
    home.text("首页");
    {
        EspeakSpeech engine(wav_options(dir / "short.wav", short_wakes));
        REQUIRE(engine.say(prompt(home, Locale::kZhCN)).ok());
        REQUIRE(short_wakes.wait_for(SpeechEvent::kFinished));
        short_size = fs::file_size(dir / "short.wav");
    }

    Wakes wakes;
    EspeakSpeech engine(wav_options(dir / "speech.wav", wakes, WavPacing::kRealTime));
    REQUIRE(engine.say(long_prompt()).ok());
    REQUIRE(wakes.wait_for(SpeechEvent::kStarted));
    REQUIRE(engine.say(prompt(home, Locale::kZhCN)).ok());
    CHECK(engine.speaking());
    REQUIRE(wakes.wait_for(SpeechEvent::kStopped));
    REQUIRE(wakes.wait_for(SpeechEvent::kFinished));
    CHECK_FALSE(engine.speaking());
    // The file left is the new screen's prompt, whole. espeak-ng may start it a few samples
    // differently after a cut synthesis, so "the same" allows a sliver.
    const auto size = fs::file_size(dir / "speech.wav");
    CHECK(size + short_size / 20 >= short_size);
    CHECK(size <= short_size + short_size / 20);
}

TEST_CASE("personal data is not spoken over the speaker without a headset or consent") {
    test::TempDir dir;
    const fs::path wav = dir / "speech.wav";
    kiosk::speech::SpokenText number;
    number.text("您的手机号是").phone("13800138000");
    Utterance personal = kiosk::speech::to_utterance(number, Locale::kZhCN, 140, true);
    REQUIRE(personal.privacy == Privacy::kPersonal);

    SUBCASE("no headset: refused, nothing played") {
        Wakes wakes;
        EspeakSpeech engine(wav_options(wav, wakes));
        CHECK_FALSE(engine.headset_present());
        const auto said = engine.say(personal);
        REQUIRE_FALSE(said.ok());
        CHECK(said.error().id == "speech.personal_needs_headset");
        CHECK_FALSE(engine.speaking());
        CHECK_FALSE(fs::exists(wav));

        // The masked prompt is what the speaker gets instead.
        REQUIRE(engine.say(kiosk::speech::to_utterance(number, Locale::kZhCN, 140, false)).ok());
        REQUIRE(wakes.wait_for(SpeechEvent::kFinished));
        CHECK(fs::exists(wav));
    }
    SUBCASE("the customer chose Read aloud") {
        Wakes wakes;
        EspeakSpeech engine(wav_options(wav, wakes));
        REQUIRE(engine.say(kiosk::speech::to_utterance(number, Locale::kZhCN, 140, false, true)).ok());
        REQUIRE(wakes.wait_for(SpeechEvent::kFinished));
        CHECK(rms(read_wav(wav).samples) > 300.0);
    }
    SUBCASE("a headset is in") {
        Wakes wakes;
        EspeakSpeech engine(wav_options(wav, wakes, WavPacing::kAsFastAsSynthesised, true));
        CHECK(engine.headset_present());
        REQUIRE(engine.say(personal).ok());
        REQUIRE(wakes.wait_for(SpeechEvent::kFinished));
        CHECK(rms(read_wav(wav).samples) > 300.0);
    }
}

TEST_CASE("without a sound device the kiosk keeps running, silent, and says why once") {
    // The real device path: this machine may or may not have a sound card.
    std::vector<std::string> logged;
    std::mutex log_mutex;
    EspeakOptions o;
    o.log = [&](std::string_view line) {
        std::lock_guard<std::mutex> lock(log_mutex);
        logged.emplace_back(line);
    };
    EspeakSpeech engine(std::move(o));
    const auto health = engine.health();
    if (!health) {
        MESSAGE("a sound device is present here; the silent path is not exercised");
        return;
    }
    CHECK(health->id == "speech.no_audio_device");
    kiosk::speech::SpokenText t;
    t.text("首页");
    for (int i = 0; i < 3; ++i) {
        CHECK(engine.say(prompt(t, Locale::kZhCN)).ok());
        CHECK_FALSE(engine.speaking());
    }
    engine.stop();
    std::lock_guard<std::mutex> lock(log_mutex);
    REQUIRE(logged.size() == 1);
    CHECK(logged[0].find("speech.no_audio_device") != std::string::npos);
}

TEST_CASE("every pronunciation override changes what espeak-ng says, to the pinyin's reading") {
    for (const auto& entry : kiosk::speech::pronunciation_overrides()) {
        CAPTURE(entry.written);
        const auto as_written = platform_linux::espeak_phonemes(entry.written, Locale::kZhCN);
        const auto as_pinyin = platform_linux::espeak_phonemes(entry.pinyin, Locale::kZhCN);
        const auto normalised = platform_linux::espeak_phonemes(
            kiosk::speech::apply_pronunciations(entry.written), Locale::kZhCN);
        REQUIRE(as_written.has_value());
        CHECK(*as_written != *as_pinyin);   // espeak-ng alone gets it wrong
        CHECK(*normalised == *as_pinyin);   // the table puts it right
    }
    // 长辈 is read zhǎng (unaspirated ts.), not cháng (aspirated ts.h).
    const auto elder = platform_linux::espeak_phonemes(
        kiosk::speech::SpokenText().text("长辈模式").render(Locale::kZhCN, kiosk::speech::Disclosure::kFull),
        Locale::kZhCN);
    REQUIRE(elder.has_value());
    CHECK(elder->find("ts.'a") != std::string::npos);
    CHECK(elder->find("ts.h") == std::string::npos);
}

TEST_CASE("say and stop from several threads at once leave the engine consistent") {
    test::TempDir dir;
    Wakes wakes;
    EspeakSpeech engine(wav_options(dir / "speech.wav", wakes));
    kiosk::speech::SpokenText t;
    t.text("请稍候");
    const Utterance u = prompt(t, Locale::kZhCN);
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&, i] {
            for (int k = 0; k < 20; ++k) {
                if ((k + i) % 3 == 0) engine.stop();
                else (void)engine.say(u);
                (void)engine.speaking();
            }
        });
    }
    for (auto& th : threads) th.join();
    engine.stop();
    const auto deadline = std::chrono::steady_clock::now() + kPatience;
    while (engine.speaking() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK_FALSE(engine.speaking());
    // Still works afterwards.
    const auto finished = wakes.count(SpeechEvent::kFinished);
    REQUIRE(engine.say(u).ok());
    REQUIRE(wakes.wait_for(SpeechEvent::kFinished, finished + 1));
}
