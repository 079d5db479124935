// SPDX-License-Identifier: Apache-2.0
// The sound device through pcaudiolib, the same library espeak-ng itself plays with.
#include <pcaudiolib/audio.h>

#include <string>

#include "platform_linux/audio_sink.hpp"

namespace selfcare::platform_linux {

namespace {

using kiosk::devices::fail;
using kiosk::devices::Result;

class DeviceSink final : public AudioSink {
public:
    ~DeviceSink() override {
        if (object_ == nullptr) return;
        if (open_) audio_object_close(object_);
        audio_object_destroy(object_);
    }

    Result<void> open(int sample_rate) override {
        object_ = create_audio_device_object(nullptr, "selfcare-kiosk", "Voice guidance");
        if (object_ == nullptr) return fail("speech.no_audio_device", "audio: no audio backend");
        const int err = audio_object_open(object_, AUDIO_OBJECT_FORMAT_S16LE,
                                          static_cast<std::uint32_t>(sample_rate), 1);
        if (err != 0) {
            return fail("speech.no_audio_device",
                        std::string("audio: ") + audio_object_strerror(object_, err));
        }
        open_ = true;
        return kiosk::devices::success();
    }

    void begin() override {}

    bool write(std::span<const std::int16_t> samples) override {
        return audio_object_write(object_, samples.data(), samples.size_bytes()) == 0;
    }

    void end(bool cut_short) override {
        // Flush drops what the device still buffers, so a touch silences it at once.
        if (cut_short) audio_object_flush(object_);
        else audio_object_drain(object_);
    }

private:
    audio_object* object_ = nullptr;
    bool open_ = false;
};

}  // namespace

std::unique_ptr<AudioSink> make_device_sink() { return std::make_unique<DeviceSink>(); }

}  // namespace selfcare::platform_linux
