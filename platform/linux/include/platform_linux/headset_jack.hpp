// SPDX-License-Identifier: Apache-2.0
// Headset detection from the kernel's jack switches: sound cards with jack sensing expose an
// input device ("... Headphone" / "... Headset") reporting SW_HEADPHONE_INSERT.
#pragma once

#include <filesystem>

namespace selfcare::platform_linux {

/// True when some input device under `input_dir` (normally /dev/input) reports a headphone
/// plug inserted. False when none does, none has a jack switch, or the devices cannot be
/// opened (the kiosk user needs read access, e.g. membership of group "input").
/// Blocks only for a few ioctl calls; thread-safe.
bool headset_jack_inserted(const std::filesystem::path& input_dir = "/dev/input");

}  // namespace selfcare::platform_linux
