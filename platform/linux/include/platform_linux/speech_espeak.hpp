// SPDX-License-Identifier: Apache-2.0
// EspeakSpeech: the kiosk's speech engine on Linux, espeak-ng (libespeak-ng) synthesising on
// its own thread into an AudioSink. Mandarin uses the `cmn-latn-pinyin` voice (plain `cmn` reads
// most characters as English-sounding syllables), English `en-us`.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "devices/speech.hpp"
#include "platform_linux/audio_sink.hpp"

namespace selfcare::platform_linux {

/// How the engine is wired into the kiosk.
struct EspeakOptions {
    /// Where speech goes; nullptr means the sound device (make_device_sink()).
    std::unique_ptr<AudioSink> sink;
    /// Answers headset_present(); empty means no headset can ever be present.
    /// Linux kiosks with jack detection pass headset_jack_inserted (headset_jack.hpp).
    std::function<bool()> headset_probe;
    /// Wakes the UI (SpeechWake contract in devices/speech.hpp).
    kiosk::devices::SpeechWake wake;
    /// Receives, once, why the engine is silent. Never receives what is spoken.
    std::function<void(std::string_view)> log;
};

/// espeak-ng's state is process-wide, so the kiosk creates one engine; should several exist
/// (tests, one after another), their syntheses take turns. Thread-safe, as SpeechEngine says.
class EspeakSpeech final : public kiosk::devices::SpeechEngine {
public:
    /// Starts the speech thread and waits until espeak-ng has loaded its data and the sink is
    /// open (tens of milliseconds). Never fails: without espeak-ng data or a sound device the
    /// engine is silent, health() says why and options.log heard it once.
    explicit EspeakSpeech(EspeakOptions options);
    /// Stops speech and joins the speech thread.
    ~EspeakSpeech() override;
    EspeakSpeech(const EspeakSpeech&) = delete;
    EspeakSpeech& operator=(const EspeakSpeech&) = delete;

    kiosk::devices::Result<void> say(kiosk::devices::Utterance utterance) override;
    void stop() override;
    bool speaking() const override;
    bool headset_present() const override;
    std::optional<kiosk::devices::DeviceError> health() const override;

private:
    struct Request {
        kiosk::devices::Utterance utterance;
        std::uint64_t generation;
    };

    void run();
    bool speak(const Request& request);  // true when cut short
    void stop_locked();
    void wake(kiosk::devices::SpeechEvent event) const;

    EspeakOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    bool ready_ = false;                   // the speech thread finished starting up
    bool quit_ = false;
    bool playing_ = false;                 // the speech thread is inside an utterance
    std::optional<Request> pending_;
    std::optional<kiosk::devices::DeviceError> health_;
    std::atomic<std::uint64_t> generation_{0};  // bumped by every say/stop; a stale one aborts
    std::atomic<bool> speaking_{false};
    std::thread thread_;
};

/// espeak-ng's phonemes for `text` as `espeak-ng -x` prints them (e.g. "ts.'a21N_| p'ei51_|"),
/// in the voice the engine uses for `locale`. For tests and for checking entries of the
/// pronunciation table; nullopt when espeak-ng cannot start. Thread-safe.
std::optional<std::string> espeak_phonemes(std::string_view text, kiosk::devices::Locale locale);

}  // namespace selfcare::platform_linux
