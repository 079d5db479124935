// SPDX-License-Identifier: Apache-2.0
// Speech: the voice guidance every kiosk screen uses (title + one instruction, Repeat, stop on
// touch). Implemented per platform: platform/linux (espeak-ng); phones bring their own engines.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "devices/locale.hpp"
#include "devices/result.hpp"

namespace selfcare::kiosk::devices {

/// Speaking rates in words per minute. Elder mode speaks slower (kiosk.md: about 140).
inline constexpr int kNormalRateWpm = 175;
inline constexpr int kElderRateWpm = 140;

/// Whether an utterance holds personal data (phone, ID number, name, address, balance).
/// EN 301 549 5.1.3.9: such data goes only to private listening unless the customer chooses.
enum class Privacy {
    kPublic,               ///< nothing personal (or already masked, see kiosk/speech)
    kPersonal,             ///< personal: spoken only when a headset is present
    kPersonalReadAloud,    ///< personal, and the customer tapped "Read aloud" after the warning
};

/// One thing to say. `text` is already normalised for speech (kiosk/speech/spoken_text.hpp:
/// money in words, numbers digit by digit, polyphones fixed); engines speak it as given.
struct Utterance {
    std::string text;
    Locale locale = Locale::kZhCN;
    int rate_wpm = kNormalRateWpm;
    Privacy privacy = Privacy::kPublic;
    /// Loudness in percent of the engine's normal level (0..200). The kiosk maps its five
    /// volume steps onto this and resets them each session (EN 301 549 5.1.3.12/13).
    int volume_percent = 100;
};

/// What the speech thread reports through the wake callback.
enum class SpeechEvent {
    kStarted,   ///< the first audio of an utterance is going out
    kFinished,  ///< an utterance played to its end
    kStopped,   ///< an utterance was cut short by stop() or a newer say()
};

/// Called on the speech thread (never the caller's) when speech starts or ends, so the UI can
/// wake its event loop (`glfwPostEmptyEvent()`, which is thread-safe) and re-read speaking().
/// It must return quickly and must not call back into the engine. Implementations take it at
/// construction; it may be empty.
using SpeechWake = std::function<void(SpeechEvent)>;

/// The rule every engine applies before speaking: personal data only with a headset present or
/// when the customer asked for it aloud. Returns the refusal, or success.
/// Error: "speech.personal_needs_headset".
Result<void> check_privacy(const Utterance& utterance, bool headset_present);

/// A speech engine owned by the kiosk (one per process). All members are thread-safe and none
/// blocks on audio: synthesis and playback run on the engine's own thread.
class SpeechEngine {
public:
    virtual ~SpeechEngine() = default;

    /// Cancels whatever is playing or queued and starts `utterance`; returns at once.
    /// speaking() is true from here until the utterance ends or is stopped.
    /// Errors: "speech.personal_needs_headset" (check_privacy; what was playing is still
    /// stopped, since a new screen means the old speech is stale). When the engine has no
    /// audio output (see health()) this is a silent no-op that returns success: a kiosk
    /// without a speaker still works.
    virtual Result<void> say(Utterance utterance) = 0;

    /// Stops speech now (a touch, leaving the screen). Returns at once; the audio stops within
    /// one buffer (about 0.1 s) and a kStopped wake follows. No-op when silent.
    virtual void stop() = 0;

    /// True while an utterance is requested or playing; the kiosk pauses its inactivity timer
    /// meanwhile. Turns false on the speech thread, just before the kFinished/kStopped wake.
    virtual bool speaking() const = 0;

    /// True when private listening is available (a headset is plugged in).
    virtual bool headset_present() const = 0;

    /// Why the engine is silent, for the staff screen (e.g. "speech.no_audio_device"); nullopt
    /// when it can speak. Reported once to the log by the implementation.
    virtual std::optional<DeviceError> health() const = 0;
};

}  // namespace selfcare::kiosk::devices
