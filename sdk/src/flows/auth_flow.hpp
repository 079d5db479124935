// SPDX-License-Identifier: Apache-2.0
// auth.* commands: one-time code, customer and staff sign-in, sign-out.
#pragma once

#include "flows/flow_context.hpp"

namespace selfcare::flows {

/// auth.request_otp {msisdn}: asks the server to send an SMS code. Validates the number locally.
domain::Result<Json> request_otp(FlowContext& ctx, const Json& args);
/// auth.login {msisdn, otp | service_password}: customer session. The result holds the role and
/// the masked number, never the token.
domain::Result<Json> login(FlowContext& ctx, const Json& args);
/// auth.login_staff {staff_id, password}: engineer or admin session.
domain::Result<Json> login_staff(FlowContext& ctx, const Json& args);
/// auth.logout: revokes the token on the server when reachable and always ends the local session.
domain::Result<Json> logout(FlowContext& ctx, const Json& args);

}  // namespace selfcare::flows
