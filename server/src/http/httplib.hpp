// SPDX-License-Identifier: Apache-2.0
// The one place the server includes cpp-httplib. 0.11 leaves TCP_NODELAY off, which holds every
// keep-alive response back by the delayed-ACK timer (~40 requests/s per connection). Debian ships
// it as a shared library whose compiled defaults ignore this macro, so main.cpp also calls
// set_tcp_nodelay(true).
#pragma once

#define CPPHTTPLIB_TCP_NODELAY true
#include <httplib.h>
