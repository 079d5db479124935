// SPDX-License-Identifier: Apache-2.0
// Who the server's demo data (`--seed demo`) lets sign in, as tests use them; see server/README.md.
#pragma once

namespace selfcare::test {

/// The SMS code the test server is started with (`--sandbox-otp`).
inline constexpr const char* kDemoOtp = "246810";
/// The demo customer, 王秀兰.
inline constexpr const char* kDemoCustomer = "13800138000";
/// The demo field engineer, assigned WO-DEMO-0001 on ticket TT-DEMO-0001.
inline constexpr const char* kDemoEngineer = "E1001";
inline constexpr const char* kDemoEngineerPassword = "demo1001";

}  // namespace selfcare::test
