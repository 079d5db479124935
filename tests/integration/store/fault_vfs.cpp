// SPDX-License-Identifier: Apache-2.0
#include "fault_vfs.hpp"

#include <sqlite3.h>

#include <fstream>
#include <stdexcept>

namespace selfcare::test {
namespace {

// A file opened through the FaultVfs; the wrapped "unix" file lives right after it in the same
// allocation (szOsFile covers both).
struct FaultFile {
    sqlite3_file base;
    sqlite3_file* real;
    FaultVfs* owner;
    std::string* path;  // null for temporary files, which are not tracked
};

FaultFile* as_fault(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f); }
FaultVfs* owner_of(sqlite3_vfs* vfs) { return static_cast<FaultVfs*>(vfs->pAppData); }

int file_close(sqlite3_file* file) {
    auto* f = as_fault(file);
    const int rc = f->real->pMethods->xClose(f->real);
    delete f->path;
    f->path = nullptr;
    return rc;
}

int file_read(sqlite3_file* file, void* buf, int amount, sqlite3_int64 offset) {
    auto* f = as_fault(file);
    if (f->owner->count_and_fail(IoOp::kRead, f->path, offset, amount)) return SQLITE_IOERR_READ;
    return f->real->pMethods->xRead(f->real, buf, amount, offset);
}

int file_write(sqlite3_file* file, const void* buf, int amount, sqlite3_int64 offset) {
    auto* f = as_fault(file);
    if (f->owner->count_and_fail(IoOp::kWrite, f->path, offset, amount)) return SQLITE_IOERR_WRITE;
    const int rc = f->real->pMethods->xWrite(f->real, buf, amount, offset);
    if (rc == SQLITE_OK && f->path != nullptr) f->owner->on_write(*f->path, offset, buf, amount);
    return rc;
}

int file_truncate(sqlite3_file* file, sqlite3_int64 size) {
    auto* f = as_fault(file);
    if (f->owner->count_and_fail(IoOp::kTruncate, f->path, size, 0)) return SQLITE_IOERR_TRUNCATE;
    const int rc = f->real->pMethods->xTruncate(f->real, size);
    if (rc == SQLITE_OK && f->path != nullptr) f->owner->on_truncate(*f->path, size);
    return rc;
}

int file_sync(sqlite3_file* file, int flags) {
    auto* f = as_fault(file);
    if (f->path != nullptr) f->owner->on_sync_start();
    if (f->owner->count_and_fail(IoOp::kSync, f->path, 0, 0)) return SQLITE_IOERR_FSYNC;
    // The disk is simulated: a real fsync would only make the test slower.
    (void)flags;
    const int rc = SQLITE_OK;
    if (rc == SQLITE_OK && f->path != nullptr) f->owner->on_sync(*f->path);
    return rc;
}

int file_size(sqlite3_file* file, sqlite3_int64* size) {
    auto* f = as_fault(file);
    return f->real->pMethods->xFileSize(f->real, size);
}
int file_lock(sqlite3_file* file, int level) { return as_fault(file)->real->pMethods->xLock(as_fault(file)->real, level); }
int file_unlock(sqlite3_file* file, int level) { return as_fault(file)->real->pMethods->xUnlock(as_fault(file)->real, level); }
int file_check_reserved(sqlite3_file* file, int* out) {
    return as_fault(file)->real->pMethods->xCheckReservedLock(as_fault(file)->real, out);
}
int file_control(sqlite3_file* file, int op, void* arg) {
    return as_fault(file)->real->pMethods->xFileControl(as_fault(file)->real, op, arg);
}
int file_sector_size(sqlite3_file* file) { return as_fault(file)->real->pMethods->xSectorSize(as_fault(file)->real); }
int file_device(sqlite3_file* file) {
    return as_fault(file)->real->pMethods->xDeviceCharacteristics(as_fault(file)->real);
}
int file_shm_map(sqlite3_file* file, int page, int size, int extend, void volatile** out) {
    return as_fault(file)->real->pMethods->xShmMap(as_fault(file)->real, page, size, extend, out);
}
int file_shm_lock(sqlite3_file* file, int offset, int n, int flags) {
    return as_fault(file)->real->pMethods->xShmLock(as_fault(file)->real, offset, n, flags);
}
void file_shm_barrier(sqlite3_file* file) { as_fault(file)->real->pMethods->xShmBarrier(as_fault(file)->real); }
int file_shm_unmap(sqlite3_file* file, int del) {
    return as_fault(file)->real->pMethods->xShmUnmap(as_fault(file)->real, del);
}

// Version 2: no memory-mapped I/O (xFetch), so every page read goes through xRead.
const sqlite3_io_methods kMethods = {
    2,         file_close,      file_read,         file_write,       file_truncate,  file_sync,
    file_size, file_lock,       file_unlock,       file_check_reserved, file_control, file_sector_size,
    file_device, file_shm_map,  file_shm_lock,     file_shm_barrier, file_shm_unmap, nullptr,
    nullptr};

// The file's whole contents through the wrapped file, not counted as the workload's reads.
std::string read_all(sqlite3_file* real) {
    sqlite3_int64 size = 0;
    if (real->pMethods->xFileSize(real, &size) != SQLITE_OK || size <= 0) return {};
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (real->pMethods->xRead(real, bytes.data(), static_cast<int>(size), 0) != SQLITE_OK) return {};
    return bytes;
}

int vfs_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
    auto* f = as_fault(file);
    f->base.pMethods = nullptr;
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    f->owner = owner_of(vfs);
    f->path = nullptr;
    sqlite3_vfs* real = sqlite3_vfs_find("unix");
    const int rc = real->xOpen(real, name, f->real, flags, out_flags);
    if (rc != SQLITE_OK) return rc;
    f->base.pMethods = &kMethods;
    if (name != nullptr) {
        f->path = new std::string(name);
        f->owner->on_open(*f->path, read_all(f->real));
    }
    return SQLITE_OK;
}

int vfs_delete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
    sqlite3_vfs* real = sqlite3_vfs_find("unix");
    const int rc = real->xDelete(real, name, sync_dir);
    if (rc == SQLITE_OK) owner_of(vfs)->on_delete(name);
    return rc;
}

#define SC_FORWARD(call) sqlite3_vfs* real = sqlite3_vfs_find("unix"); return real->call
int vfs_access(sqlite3_vfs*, const char* n, int f, int* out) { SC_FORWARD(xAccess(real, n, f, out)); }
int vfs_full_path(sqlite3_vfs*, const char* n, int size, char* out) { SC_FORWARD(xFullPathname(real, n, size, out)); }
void* vfs_dl_open(sqlite3_vfs*, const char* n) { SC_FORWARD(xDlOpen(real, n)); }
void vfs_dl_error(sqlite3_vfs*, int n, char* out) { SC_FORWARD(xDlError(real, n, out)); }
void (*vfs_dl_sym(sqlite3_vfs*, void* h, const char* s))(void) { SC_FORWARD(xDlSym(real, h, s)); }
void vfs_dl_close(sqlite3_vfs*, void* h) { SC_FORWARD(xDlClose(real, h)); }
int vfs_randomness(sqlite3_vfs*, int n, char* out) { SC_FORWARD(xRandomness(real, n, out)); }
int vfs_sleep(sqlite3_vfs*, int us) { SC_FORWARD(xSleep(real, us)); }
int vfs_time(sqlite3_vfs*, double* out) { SC_FORWARD(xCurrentTime(real, out)); }
int vfs_last_error(sqlite3_vfs*, int n, char* out) { SC_FORWARD(xGetLastError(real, n, out)); }
int vfs_time64(sqlite3_vfs*, sqlite3_int64* out) { SC_FORWARD(xCurrentTimeInt64(real, out)); }
#undef SC_FORWARD

}  // namespace

const char* to_string(IoOp op) {
    switch (op) {
        case IoOp::kRead: return "read";
        case IoOp::kWrite: return "write";
        case IoOp::kSync: return "sync";
        case IoOp::kTruncate: return "truncate";
    }
    return "?";
}

FaultVfs::FaultVfs(std::string name) : name_(std::move(name)) {
    sqlite3_vfs* real = sqlite3_vfs_find("unix");
    if (real == nullptr) throw std::runtime_error("no unix VFS");
    auto* vfs = new sqlite3_vfs{};
    vfs->iVersion = 2;
    vfs->szOsFile = static_cast<int>(sizeof(FaultFile)) + real->szOsFile;
    vfs->mxPathname = real->mxPathname;
    vfs->zName = name_.c_str();
    vfs->pAppData = this;
    vfs->xOpen = vfs_open;
    vfs->xDelete = vfs_delete;
    vfs->xAccess = vfs_access;
    vfs->xFullPathname = vfs_full_path;
    vfs->xDlOpen = vfs_dl_open;
    vfs->xDlError = vfs_dl_error;
    vfs->xDlSym = vfs_dl_sym;
    vfs->xDlClose = vfs_dl_close;
    vfs->xRandomness = vfs_randomness;
    vfs->xSleep = vfs_sleep;
    vfs->xCurrentTime = vfs_time;
    vfs->xGetLastError = vfs_last_error;
    vfs->xCurrentTimeInt64 = vfs_time64;
    if (sqlite3_vfs_register(vfs, 0) != SQLITE_OK) {
        delete vfs;
        throw std::runtime_error("cannot register the fault VFS");
    }
    vfs_ = vfs;
    reset();
}

FaultVfs::~FaultVfs() {
    auto* vfs = static_cast<sqlite3_vfs*>(vfs_);
    sqlite3_vfs_unregister(vfs);
    delete vfs;
}

void FaultVfs::reset() {
    files_.clear();  // between runs no file is open; each run starts from the files it opens
    syncs_ = 0;
    calls_ = {{0, 0}, {1, 0}, {2, 0}, {3, 0}};
    cut_at_.reset();
    cut_done_ = false;
    fail_op_.reset();
    fail_nth_ = 0;
    failure_done_ = false;
    failed_call_.clear();
}

void FaultVfs::arm_power_cut(std::int64_t at_sync, std::filesystem::path copy_dir, bool garble, std::uint64_t seed) {
    cut_at_ = at_sync;
    copy_dir_ = std::move(copy_dir);
    garble_ = garble;
    rng_.seed(seed);
    cut_done_ = false;
}

void FaultVfs::arm_failure(IoOp op, std::int64_t nth) {
    fail_op_ = op;
    fail_nth_ = nth;
    failure_done_ = false;
}

bool FaultVfs::count_and_fail(IoOp op, const std::string* file, std::int64_t offset, std::int64_t size) {
    const std::int64_t n = ++calls_[static_cast<int>(op)];
    if (fail_op_ && *fail_op_ == op && n == fail_nth_) {
        failure_done_ = true;
        failed_call_ = std::string(to_string(op)) + " " +
                       (file == nullptr ? std::string("-") : std::filesystem::path(*file).filename().string()) + " " +
                       std::to_string(offset) + "+" + std::to_string(size);
        return true;
    }
    return false;
}

void FaultVfs::on_sync_start() {
    ++syncs_;
    if (cut_at_ && !cut_done_ && syncs_ == *cut_at_) cut();
}

void FaultVfs::on_open(const std::string& path, const std::string& contents) {
    // A file opened again keeps what is known about it: its unsynced writes stay unsynced.
    if (files_.count(path) == 0) files_[path].durable = contents;
}

void FaultVfs::on_write(const std::string& path, std::int64_t offset, const void* data, int size) {
    files_[path].pending.push_back({false, offset, std::string(static_cast<const char*>(data), static_cast<std::size_t>(size))});
}

void FaultVfs::on_truncate(const std::string& path, std::int64_t size) {
    files_[path].pending.push_back({true, size, {}});
}

void FaultVfs::on_sync(const std::string& path) {
    auto& shadow = files_[path];
    for (const auto& p : shadow.pending) apply(shadow.durable, p);
    shadow.pending.clear();
}

void FaultVfs::on_delete(const std::string& path) { files_.erase(path); }

void FaultVfs::apply(std::string& image, const Pending& p) {
    const auto offset = static_cast<std::size_t>(p.offset);
    if (p.truncate) {
        image.resize(offset);
        return;
    }
    if (image.size() < offset + p.bytes.size()) image.resize(offset + p.bytes.size(), '\0');
    image.replace(offset, p.bytes.size(), p.bytes);
}

void FaultVfs::cut() {
    cut_done_ = true;
    std::filesystem::create_directories(copy_dir_);
    for (const auto& [path, shadow] : files_) {
        std::string image = shadow.durable;
        if (garble_) {
            // Some unsynced writes made it to the platter anyway, some of them torn: a random
            // prefix of whole 512-byte sectors written, the rest of the write random bytes.
            for (const auto& p : shadow.pending) {
                if (std::uniform_int_distribution<int>(0, 1)(rng_) == 0) continue;
                Pending torn = p;
                if (!torn.truncate && std::uniform_int_distribution<int>(0, 1)(rng_) == 0) {
                    const std::size_t sectors = (torn.bytes.size() + 511) / 512;
                    const std::size_t keep = 512 * std::uniform_int_distribution<std::size_t>(0, sectors)(rng_);
                    for (std::size_t i = keep; i < torn.bytes.size(); ++i) {
                        torn.bytes[i] = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng_));
                    }
                }
                apply(image, torn);
            }
        }
        std::ofstream out(copy_dir_ / std::filesystem::path(path).filename(), std::ios::binary | std::ios::trunc);
        out.write(image.data(), static_cast<std::streamsize>(image.size()));
    }
}

}  // namespace selfcare::test
