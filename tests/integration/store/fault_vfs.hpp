// SPDX-License-Identifier: Apache-2.0
// A SQLite VFS for tests that wraps the default "unix" VFS and simulates what disks do to a
// database: a power cut at a chosen sync (writes not yet synced are lost, or partly written and
// garbled), and an I/O error on the Nth read, write, sync or truncate. The store opens through
// it by name (store::OpenOptions::vfs); SQLCipher encrypts pages above the VFS, so it sees
// ciphertext, as a disk does.
//
// Not thread-safe: one test drives one store on one thread while it is armed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace selfcare::test {

/// The operations an I/O error can be injected into.
enum class IoOp { kRead, kWrite, kSync, kTruncate };
const char* to_string(IoOp op);

class FaultVfs {
public:
    /// Registers the VFS under `name` (not as the default). One instance per name per process.
    explicit FaultVfs(std::string name);
    ~FaultVfs();
    FaultVfs(const FaultVfs&) = delete;
    FaultVfs& operator=(const FaultVfs&) = delete;

    const std::string& name() const { return name_; }

    /// Starts counting from zero again, with no cut and no failure armed.
    void reset();

    /// Syncs seen since reset() (xSync calls on any file).
    std::int64_t syncs() const { return syncs_; }
    /// Calls of `op` seen since reset().
    std::int64_t calls(IoOp op) const { return calls_.at(static_cast<int>(op)); }

    /// Power cut at sync number `at_sync` (1-based, counted from reset()): just before that sync
    /// runs, every file's durable image (its last synced contents) is written under `copy_dir`
    /// with the same file name. With `garble`, some unsynced writes reach the image anyway, whole
    /// or as random bytes, as a drive with a volatile cache may do; `seed` makes the choice repeatable.
    void arm_power_cut(std::int64_t at_sync, std::filesystem::path copy_dir, bool garble, std::uint64_t seed);
    /// True once the armed power cut has happened.
    bool cut_done() const { return cut_done_; }

    /// The `nth` (1-based, from reset()) call of `op` fails with SQLITE_IOERR_<op>; later calls
    /// work again (a transient fault, as a cable or a full disk being freed).
    void arm_failure(IoOp op, std::int64_t nth);
    /// True once the armed failure has been returned.
    bool failure_done() const { return failure_done_; }
    /// The failed call: "read selfcare.db 0+16" (operation, file name, offset+size), or "".
    const std::string& failed_call() const { return failed_call_; }

    // Used by the VFS callbacks.
    /// Counts a call of `op` on `file` at `offset` (`size` bytes); true when it is to fail.
    bool count_and_fail(IoOp op, const std::string* file, std::int64_t offset, std::int64_t size);
    void on_write(const std::string& path, std::int64_t offset, const void* data, int size);
    void on_truncate(const std::string& path, std::int64_t size);
    void on_sync_start();  // counts the sync and cuts the power when it is the armed one
    void on_sync(const std::string& path);
    void on_open(const std::string& path, const std::string& contents);
    void on_delete(const std::string& path);

private:
    // A file as the disk holds it for sure: its contents at the last sync, and what was done
    // to it since (a write's offset and bytes; a truncate has no bytes and its size as offset).
    struct Pending {
        bool truncate = false;
        std::int64_t offset = 0;
        std::string bytes;
    };
    struct Shadow {
        std::string durable;
        std::vector<Pending> pending;
    };
    static void apply(std::string& image, const Pending& p);
    void cut();

    std::string name_;
    void* vfs_ = nullptr;  // the registered sqlite3_vfs
    std::int64_t syncs_ = 0;
    std::map<int, std::int64_t> calls_;
    std::map<std::string, Shadow> files_;
    std::optional<std::int64_t> cut_at_;
    std::filesystem::path copy_dir_;
    bool garble_ = false;
    std::mt19937_64 rng_;
    bool cut_done_ = false;
    std::optional<IoOp> fail_op_;
    std::int64_t fail_nth_ = 0;
    bool failure_done_ = false;
    std::string failed_call_;
};

}  // namespace selfcare::test
