// SPDX-License-Identifier: Apache-2.0
// libqrencode: QRcode_encodeData takes bytes, so a URL is stored exactly as given.
#include "qr_code.hpp"

#include <qrencode.h>

namespace selfcare::platform_default {

std::optional<QrModules> encode_qr(const std::string& payload) {
    QRcode* code = QRcode_encodeData(static_cast<int>(payload.size()),
                                     reinterpret_cast<const unsigned char*>(payload.data()), 0, QR_ECLEVEL_M);
    if (code == nullptr) return std::nullopt;
    QrModules modules;
    modules.size = code->width;
    modules.dark.resize(static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width));
    // Bit 0 of each byte is the module's colour; the other bits describe its role.
    for (std::size_t i = 0; i < modules.dark.size(); ++i) modules.dark[i] = (code->data[i] & 1) != 0;
    QRcode_free(code);
    return modules;
}

}  // namespace selfcare::platform_default
