// SPDX-License-Identifier: Apache-2.0
// iconv from glibc: no extra library for GB18030.
#include "text_codec.hpp"

#include <errno.h>
#include <iconv.h>

#include <vector>

namespace selfcare::platform_linux {

std::optional<std::string> convert_from_utf8(std::string_view utf8, const std::string& encoding) {
    iconv_t cd = iconv_open(encoding.c_str(), "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    // A character takes at most 4 bytes in GB18030 and at least 2 in UTF-8 unless it is ASCII
    // (1 byte either way): twice the input always fits.
    std::string in(utf8);
    std::vector<char> out(in.size() * 2 + 16);
    char* in_ptr = in.data();
    std::size_t in_left = in.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    const std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1) || in_left != 0) return std::nullopt;
    return std::string(out.data(), out.size() - out_left);
}

int print_columns(std::string_view utf8) {
    int columns = 0;
    for (char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) columns += 1;
        else if ((byte & 0xC0) != 0x80) columns += 2;  // a lead byte: one wide character
    }
    return columns;
}

}  // namespace selfcare::platform_linux
