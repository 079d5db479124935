// SPDX-License-Identifier: Apache-2.0
// The "supplied" key provider of sc_client_open: the app's key store hook hands over the 32-byte
// database key, and the config gets "key":{"provider":"supplied","hex":"<64 hex digits>"}. The
// hex text is built here, in native memory the bridge can wipe, rather than in a Java String,
// which cannot be wiped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace selfcare::jni {

inline constexpr std::size_t kDatabaseKeyBytes = 32;

/// `config` (a JSON object without a "key" member: the Java side checked) with
/// "key":{"provider":"supplied","hex":...} added as its last member. `config_is_empty` says the
/// object has no members (then no comma is needed). The result holds the key: pass it to
/// wipe_string() when done. It is built in one allocation so no stray copy of the key is left in
/// memory freed by a reallocation. Empty when `config` does not end with '}'.
std::string config_with_supplied_key(std::string_view config, const unsigned char (&key)[kDatabaseKeyBytes],
                                     bool config_is_empty);

/// Overwrites `size` bytes at `p` with zeros in a way the compiler may not drop.
void wipe_bytes(void* p, std::size_t size);

/// Wipes the string's whole buffer, then empties it.
void wipe_string(std::string& s);

}  // namespace selfcare::jni
