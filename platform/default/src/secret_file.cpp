// SPDX-License-Identifier: Apache-2.0
// POSIX file handling for secrets: O_EXCL temporary file, fsync, link() so that creating a key
// is atomic and can never overwrite one (rename() would silently replace it).
#include "secret_file.hpp"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace selfcare::platform_default::detail {
namespace fs = std::filesystem;

domain::Error key_unavailable(std::string why) {
    return domain::make_error(domain::ErrorCode::kStorage, "storage.key_unavailable",
                              "key unavailable: " + why, /*retryable=*/true);
}

namespace {

std::string errno_text(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};

bool fsync_dir(const fs::path& dir) {
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    return fd.get() >= 0 && ::fsync(fd.get()) == 0;
}

}  // namespace

domain::Result<std::vector<std::uint8_t>> read_secret_file(const fs::path& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (fd.get() < 0) {
        if (errno == ENOENT) {
            return domain::make_error(domain::ErrorCode::kStorage, "storage.key_missing", "no key has been created yet");
        }
        return key_unavailable(errno_text("open"));
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) return key_unavailable(errno_text("stat"));
    if (!S_ISREG(st.st_mode)) return key_unavailable("not a regular file");
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        return key_unavailable("key file is accessible to group or others (expected mode 0600)");
    }
    if (st.st_size > 4096) return key_unavailable("key file too large");
    std::vector<std::uint8_t> out(static_cast<std::size_t>(st.st_size), 0);
    std::size_t got = 0;
    while (got < out.size()) {
        const ssize_t n = ::read(fd.get(), out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            auto e = key_unavailable(errno_text("read"));
            cleanse(out.data(), out.size());
            return e;
        }
        got += static_cast<std::size_t>(n);
    }
    return out;
}

domain::Result<void> write_secret_file_once(const fs::path& path, std::span<const std::uint8_t> bytes) {
    const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::error_code ec;
    if (!fs::exists(dir, ec)) {
        fs::create_directories(dir, ec);
        if (ec) return key_unavailable("cannot create key folder: " + ec.message());
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    }
    if (fs::exists(path, ec)) {
        return domain::make_error(domain::ErrorCode::kStorage, "storage.key_exists",
                                  "a key already exists; it is never overwritten");
    }
    fs::path tmp = path;
    tmp += ".tmp." + std::to_string(::getpid());
    ::unlink(tmp.c_str());  // a leftover from a crash of this same pid number
    Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (fd.get() < 0) return key_unavailable(errno_text("create"));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const auto err = key_unavailable(errno_text("write"));
            ::unlink(tmp.c_str());
            return err;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) {
        const auto err = key_unavailable(errno_text("fsync"));
        ::unlink(tmp.c_str());
        return err;
    }
    ::close(fd.release());
    // link() fails with EEXIST instead of replacing: two racing create() calls cannot both win.
    if (::link(tmp.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        ::unlink(tmp.c_str());
        if (saved == EEXIST) {
            return domain::make_error(domain::ErrorCode::kStorage, "storage.key_exists",
                                      "a key already exists; it is never overwritten");
        }
        errno = saved;
        return key_unavailable(errno_text("link"));
    }
    ::unlink(tmp.c_str());
    if (!fsync_dir(dir)) return key_unavailable(errno_text("fsync folder"));
    return domain::success();
}

domain::Result<void> remove_secret_file(const fs::path& path) {
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) return key_unavailable(errno_text("unlink"));
    return domain::success();
}

bool random_bytes(std::span<std::uint8_t> out) {
    return RAND_bytes(out.data(), static_cast<int>(out.size())) == 1;
}

void cleanse(void* p, std::size_t n) { OPENSSL_cleanse(p, n); }

}  // namespace selfcare::platform_default::detail
