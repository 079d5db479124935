// SPDX-License-Identifier: Apache-2.0
// ESC/POS over a file descriptor: optional paper-sensor query, then the whole receipt with a
// bounded wait for each write.
#include "platform_linux/printer_escpos.hpp"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include <string>

namespace selfcare::platform_linux {

namespace {

using kiosk::devices::fail;
using kiosk::devices::Result;
using Clock = std::chrono::steady_clock;

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

std::string os_error(const char* what, int err) { return std::string(what) + ": " + ::strerror(err); }

int remaining_ms(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

// Errors that mean the printer went away rather than that we did something wrong.
bool is_gone(int err) { return err == EIO || err == ENODEV || err == ENXIO || err == EPIPE; }

Result<void> write_all(int fd, const std::string& bytes, std::chrono::milliseconds timeout) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno != EAGAIN) {
            const int err = errno;
            return fail(is_gone(err) ? "printer.offline" : "printer.failed", os_error("write", err));
        }
        // The printer is not taking data: wait for it, but not for ever.
        pollfd p{fd, POLLOUT, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
        if (ready == 0) return fail("printer.offline", "the printer stopped taking data");
        if (ready < 0 && errno != EINTR) return fail("printer.failed", os_error("poll", errno));
        if (ready > 0 && (p.revents & (POLLERR | POLLHUP)) != 0) {
            return fail("printer.offline", "the device hung up");
        }
    }
    return kiosk::devices::success();
}

enum class Paper { kPresent, kOut, kUnknown };

// DLE EOT 4: paper roll sensor status. The answer byte has bits 1 and 4 set and 0 and 7
// clear; bits 5 and 6 set mean the roll is out.
Paper query_paper(int fd, std::chrono::milliseconds timeout) {
    const std::string query = {0x10, 0x04, 0x04};
    if (!write_all(fd, query, timeout)) return Paper::kUnknown;
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, remaining_ms(deadline));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0 || (p.revents & POLLIN) == 0) return Paper::kUnknown;
        unsigned char status = 0;
        const ssize_t n = ::read(fd, &status, 1);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n != 1) return Paper::kUnknown;
        if ((status & 0x93) != 0x12) continue;  // not a status byte: keep listening
        return (status & 0x60) == 0x60 ? Paper::kOut : Paper::kPresent;
    }
}

}  // namespace

EscPosPrinter::EscPosPrinter(EscPosPrinterOptions options) : options_(std::move(options)) {}

Result<void> EscPosPrinter::print(const kiosk::devices::Receipt& receipt) {
    auto bytes = encode_escpos(receipt, options_.format);
    if (!bytes) return bytes.error();

    std::lock_guard<std::mutex> lock(mutex_);
    const bool device = options_.kind == EscPosPrinterOptions::Kind::kDevice;
    const int raw = device ? open_device() : ::open(options_.target.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (raw < 0) return fail("printer.offline", os_error("open", errno));
    const Fd fd(raw);

    if (device && (::fcntl(fd.get(), F_GETFL) & O_ACCMODE) == O_RDWR &&
        query_paper(fd.get(), options_.status_timeout) == Paper::kOut) {
        return fail("printer.paper_out", "the paper sensor reports no paper");
    }
    return write_all(fd.get(), bytes.value(), options_.write_timeout);
}

int EscPosPrinter::open_device() const {
    // A device node is never created: if it is missing, the printer is unplugged.
    int raw = ::open(options_.target.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (raw < 0 && (errno == EACCES || errno == EROFS)) {
        // Some printer nodes are write-only for the kiosk user: print without the status query.
        raw = ::open(options_.target.c_str(), O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    }
    return raw;
}

Result<void> EscPosPrinter::health() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (options_.kind == EscPosPrinterOptions::Kind::kFile) {
        // Appendable, or creatable in its folder: print() would succeed. Nothing is created.
        const int raw = ::open(options_.target.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
        if (raw >= 0) {
            ::close(raw);
            return kiosk::devices::success();
        }
        if (errno != ENOENT) return fail("printer.offline", os_error("open", errno));
        auto folder = options_.target.parent_path();
        if (folder.empty()) folder = ".";
        if (::access(folder.c_str(), W_OK | X_OK) != 0) return fail("printer.offline", os_error("folder", errno));
        return kiosk::devices::success();
    }
    const int raw = open_device();
    if (raw < 0) return fail("printer.offline", os_error("open", errno));
    const Fd fd(raw);
    if ((::fcntl(fd.get(), F_GETFL) & O_ACCMODE) == O_RDWR &&
        query_paper(fd.get(), options_.status_timeout) == Paper::kOut) {
        return fail("printer.paper_out", "the paper sensor reports no paper");
    }
    return kiosk::devices::success();
}

}  // namespace selfcare::platform_linux
