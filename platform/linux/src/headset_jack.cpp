// SPDX-License-Identifier: Apache-2.0
// Jack switches read through evdev ioctls (<linux/input.h>): EVIOCGBIT(EV_SW) says whether a
// device has the switch, EVIOCGSW gives its state. No library needed for two ioctls.
#include "platform_linux/headset_jack.hpp"

#include <fcntl.h>
#include <linux/input.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <array>
#include <climits>
#include <system_error>

namespace selfcare::platform_linux {

namespace {

constexpr std::size_t kBitsPerLong = sizeof(unsigned long) * CHAR_BIT;

bool bit_set(const std::array<unsigned long, SW_CNT / kBitsPerLong + 1>& bits, unsigned bit) {
    return (bits[bit / kBitsPerLong] >> (bit % kBitsPerLong)) & 1UL;
}

bool jack_inserted(const std::filesystem::path& device) {
    const int fd = ::open(device.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return false;
    std::array<unsigned long, SW_CNT / kBitsPerLong + 1> capable{};
    std::array<unsigned long, SW_CNT / kBitsPerLong + 1> state{};
    bool inserted = false;
    if (::ioctl(fd, EVIOCGBIT(EV_SW, sizeof(capable)), capable.data()) >= 0 &&
        bit_set(capable, SW_HEADPHONE_INSERT) &&
        ::ioctl(fd, EVIOCGSW(sizeof(state)), state.data()) >= 0) {
        inserted = bit_set(state, SW_HEADPHONE_INSERT);
    }
    ::close(fd);
    return inserted;
}

}  // namespace

bool headset_jack_inserted(const std::filesystem::path& input_dir) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(input_dir, ec)) {
        if (entry.path().filename().string().rfind("event", 0) != 0) continue;
        if (jack_inserted(entry.path())) return true;
    }
    return false;
}

}  // namespace selfcare::platform_linux
