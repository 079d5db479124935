// SPDX-License-Identifier: Apache-2.0
#include "domain/privacy.hpp"

#include "domain/utf8.hpp"

namespace selfcare::domain {

std::string mask_msisdn(std::string_view msisdn) {
    bool all_digits = !msisdn.empty();
    for (char c : msisdn) all_digits = all_digits && c >= '0' && c <= '9';
    if (all_digits && msisdn.size() == 11) {
        return std::string(msisdn.substr(0, 3)) + "****" + std::string(msisdn.substr(7));
    }
    const std::size_t keep = msisdn.size() > 6 ? 2 : 0;
    return "****" + std::string(msisdn.substr(msisdn.size() - keep));
}

std::string mask_name(std::string_view name) {
    const std::size_t first = utf8_prefix_bytes(name, 1);
    const std::size_t total = utf8_length(name).value_or(name.size());
    std::string out(name.substr(0, first));
    out.append(total > 1 ? total - 1 : 1, '*');
    return out;
}

std::string mask_address(std::string_view address) {
    return std::string(address.substr(0, utf8_prefix_bytes(address, 6))) + "****";
}

}  // namespace selfcare::domain
