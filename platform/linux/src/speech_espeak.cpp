// SPDX-License-Identifier: Apache-2.0
// EspeakSpeech: one speech thread; say()/stop() only post a request and bump a generation
// number, and the synthesis callback aborts (returns 1) as soon as its generation is stale.
#include "platform_linux/speech_espeak.hpp"

#include <espeak-ng/speak_lib.h>

#include <algorithm>

#include "espeak_session.hpp"

namespace selfcare::platform_linux {

using kiosk::devices::DeviceError;
using kiosk::devices::Result;
using kiosk::devices::SpeechEvent;

namespace {

// What the synthesis callback needs for the utterance in progress.
struct SynthRun {
    const std::atomic<std::uint64_t>* generation;
    std::uint64_t mine;
    AudioSink* sink;
    std::function<void()> on_first_audio;
    bool started = false;
    bool stale = false;
    bool failed = false;
};

// espeak-ng calls back on the thread that called espeak_Synth (synchronous output), and only
// one synthesis runs at a time (espeak_session::lock), so the run is found here.
thread_local SynthRun* current_run = nullptr;

int on_samples(short* wav, int count, espeak_EVENT* /*events*/) {
    SynthRun* run = current_run;
    if (run == nullptr) return 0;
    if (run->generation->load() != run->mine) {
        run->stale = true;
        return 1;
    }
    if (wav == nullptr || count <= 0) return 0;
    if (!run->started) {
        run->started = true;
        run->on_first_audio();
    }
    if (!run->sink->write({wav, static_cast<std::size_t>(count)})) {
        run->failed = true;
        return 1;
    }
    return 0;
}

}  // namespace

EspeakSpeech::EspeakSpeech(EspeakOptions options) : options_(std::move(options)) {
    if (!options_.sink) options_.sink = make_device_sink();
    thread_ = std::thread(&EspeakSpeech::run, this);
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return ready_; });
}

EspeakSpeech::~EspeakSpeech() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        quit_ = true;
        stop_locked();
    }
    changed_.notify_all();
    thread_.join();
}

Result<void> EspeakSpeech::say(kiosk::devices::Utterance utterance) {
    const auto allowed = kiosk::devices::check_privacy(utterance, headset_present());
    std::lock_guard<std::mutex> lock(mutex_);
    if (!allowed) {
        stop_locked();  // the screen moved on; what it said before is stale either way
        return allowed.error();
    }
    if (health_) return kiosk::devices::success();  // silent kiosk: nothing to play
    const std::uint64_t generation = ++generation_;
    pending_ = Request{std::move(utterance), generation};
    speaking_ = true;
    changed_.notify_all();
    return kiosk::devices::success();
}

void EspeakSpeech::stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_locked();
}

void EspeakSpeech::stop_locked() {
    ++generation_;
    pending_.reset();
    if (!playing_) speaking_ = false;
}

bool EspeakSpeech::speaking() const { return speaking_.load(); }

bool EspeakSpeech::headset_present() const {
    return options_.headset_probe ? options_.headset_probe() : false;
}

std::optional<DeviceError> EspeakSpeech::health() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return health_;
}

void EspeakSpeech::wake(SpeechEvent event) const {
    if (options_.wake) options_.wake(event);
}

void EspeakSpeech::run() {
    std::optional<DeviceError> problem;
    const auto rate = espeak_session::sample_rate();
    if (!rate) {
        problem = rate.error();
    } else if (auto opened = options_.sink->open(rate.value()); !opened) {
        problem = opened.error();
    }
    // Logged before the constructor is released, so the report has been made when it returns.
    if (problem && options_.log) {
        options_.log("speech is off (" + problem->id + "): " + problem->detail);
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        health_ = problem;
        ready_ = true;
    }
    changed_.notify_all();

    for (;;) {
        Request request;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            changed_.wait(lock, [this] { return quit_ || pending_.has_value(); });
            if (quit_) return;
            request = std::move(*pending_);
            pending_.reset();
            playing_ = true;
        }
        const bool cut_short = speak(request);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            playing_ = false;
            if (!pending_) speaking_ = false;
        }
        wake(cut_short ? SpeechEvent::kStopped : SpeechEvent::kFinished);
    }
}

bool EspeakSpeech::speak(const Request& request) {
    const auto& u = request.utterance;
    auto guard = espeak_session::lock();
    espeak_SetSynthCallback(on_samples);
    if (!espeak_session::select_voice(espeak_session::voice_for(u.locale))) return true;
    // espeak-ng accepts 80..450 words per minute.
    espeak_SetParameter(espeakRATE, std::clamp(u.rate_wpm, 80, 450), 0);
    espeak_SetParameter(espeakVOLUME, std::clamp(u.volume_percent, 0, 200), 0);

    SynthRun run{&generation_, request.generation, options_.sink.get(),
                 [this] { wake(SpeechEvent::kStarted); }};
    current_run = &run;
    options_.sink->begin();
    espeak_Synth(u.text.c_str(), u.text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                 nullptr, nullptr);
    current_run = nullptr;
    // A say() or stop() after the last samples still makes this utterance stale: flush it.
    const bool cut_short = run.stale || run.failed || generation_.load() != request.generation;
    options_.sink->end(cut_short);
    return cut_short;
}

std::optional<std::string> espeak_phonemes(std::string_view text, kiosk::devices::Locale locale) {
    if (!espeak_session::sample_rate()) return std::nullopt;
    auto guard = espeak_session::lock();
    if (!espeak_session::select_voice(espeak_session::voice_for(locale))) return std::nullopt;
    const std::string copy(text);
    const void* cursor = copy.c_str();
    std::string out;
    // One call per clause; espeak-ng advances the cursor and sets it to NULL at the end.
    while (cursor != nullptr) {
        const char* phonemes = espeak_TextToPhonemes(&cursor, espeakCHARS_UTF8, espeakPHONEMES_SHOW);
        if (phonemes == nullptr) break;
        if (!out.empty()) out += ' ';
        out += phonemes;
    }
    return out;
}

}  // namespace selfcare::platform_linux
