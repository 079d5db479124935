// SPDX-License-Identifier: Apache-2.0
// WAV files through libsndfile, optionally paced like a sound card.
#include <sndfile.h>

#include <chrono>
#include <system_error>
#include <thread>

#include "platform_linux/audio_sink.hpp"

namespace selfcare::platform_linux {

namespace {

using kiosk::devices::Result;
namespace fs = std::filesystem;

class WavFileSink final : public AudioSink {
public:
    WavFileSink(fs::path path, WavPacing pacing) : path_(std::move(path)), pacing_(pacing) {}
    ~WavFileSink() override { close(); }

    Result<void> open(int sample_rate) override {
        sample_rate_ = sample_rate;
        return kiosk::devices::success();
    }

    void begin() override {
        close();
        SF_INFO info{};
        info.samplerate = sample_rate_;
        info.channels = 1;
        info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
        file_ = sf_open(partial_path().c_str(), SFM_WRITE, &info);
        played_until_ = std::chrono::steady_clock::now();
    }

    bool write(std::span<const std::int16_t> samples) override {
        if (file_ == nullptr) return false;
        const auto count = static_cast<sf_count_t>(samples.size());
        if (sf_write_short(file_, samples.data(), count) != count) return false;
        if (pacing_ == WavPacing::kRealTime) {
            // Sleep until these samples "have played", on a schedule that does not drift.
            played_until_ += std::chrono::microseconds(count * 1'000'000 / sample_rate_);
            std::this_thread::sleep_until(played_until_);
        }
        return true;
    }

    void end(bool /*cut_short*/) override {
        if (file_ == nullptr) return;
        close();
        std::error_code ec;
        fs::rename(partial_path(), path_, ec);
    }

private:
    fs::path partial_path() const { return fs::path(path_.string() + ".part"); }

    void close() {
        if (file_ != nullptr) sf_close(file_);
        file_ = nullptr;
    }

    fs::path path_;
    WavPacing pacing_;
    int sample_rate_ = 22050;
    SNDFILE* file_ = nullptr;
    std::chrono::steady_clock::time_point played_until_;
};

}  // namespace

std::unique_ptr<AudioSink> make_wav_file_sink(fs::path path, WavPacing pacing) {
    return std::make_unique<WavFileSink>(std::move(path), pacing);
}

}  // namespace selfcare::platform_linux
