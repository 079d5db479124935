// SPDX-License-Identifier: Apache-2.0
// AudioSink: where synthesised speech goes, the sound device or a WAV file (tests, headless
// kiosks, the scripted UI runs under Xvfb).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>

#include "devices/result.hpp"

namespace selfcare::platform_linux {

/// Receives 16-bit mono PCM. Used by one thread at a time (the speech thread), in the order
/// open, then per utterance begin, write..., end.
class AudioSink {
public:
    virtual ~AudioSink() = default;

    /// Prepares the output for `sample_rate` Hz. Error: "speech.no_audio_device" with the
    /// reason in detail; the engine then stays silent.
    virtual kiosk::devices::Result<void> open(int sample_rate) = 0;
    /// An utterance starts.
    virtual void begin() = 0;
    /// Plays or stores `samples`; may block for as long as they take to play. False when the
    /// output failed: the engine gives up the utterance.
    virtual bool write(std::span<const std::int16_t> samples) = 0;
    /// The utterance ends: played out to the end, or, when `cut_short`, dropped at once.
    virtual void end(bool cut_short) = 0;
};

/// The default sound device through pcaudiolib (Debian `libpcaudio`: PulseAudio when a server
/// runs, else ALSA's default PCM), opened once and kept open.
std::unique_ptr<AudioSink> make_device_sink();

/// How fast a WAV sink takes samples.
enum class WavPacing {
    kAsFastAsSynthesised,  ///< no waiting: synthesis runs at full speed
    kRealTime,             ///< waits as long as the samples would play, like a sound card, so
                           ///< stop() lands mid-utterance as it does on a device
};

/// Writes each utterance to `path` as a 16-bit mono WAV (libsndfile), replacing the previous
/// one. The file is written beside `path` and renamed into place when the utterance ends, so a
/// reader sees only whole files; a cut-short utterance keeps what was produced before the cut.
std::unique_ptr<AudioSink> make_wav_file_sink(std::filesystem::path path,
                                              WavPacing pacing = WavPacing::kAsFastAsSynthesised);

}  // namespace selfcare::platform_linux
