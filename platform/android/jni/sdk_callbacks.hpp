// SPDX-License-Identifier: Apache-2.0
// What a Java SelfcareClient's handle points to, and the two C functions the SDK calls back:
// the result of sc_call_async and the listener. Both run on SDK threads (attached to the JVM on
// first use, see jvm_thread.hpp) or on a Java thread inside sc_call, and hand the JSON to Java as
// UTF-8 bytes.
#pragma once

#include <jni.h>

#include <selfcare/selfcare.h>

namespace selfcare::jni {

/// One open client. Created by NativeBridge.open, freed by NativeBridge.close after
/// sc_client_close has returned (so no callback can still see it).
struct ClientBridge {
    sc_client* client = nullptr;
    jobject java_client = nullptr;  ///< global ref to the SelfcareClient: receives the events
};

/// sc_result_fn. `user` is a global ref to the Java PendingCall; this calls its complete() and
/// releases the ref, so the ref lives exactly as long as the call is pending.
void deliver_result(void* user, int status, const char* result_json);

/// sc_event_fn. `user` is the ClientBridge; this calls SelfcareClient.onNativeEvent, which
/// passes the event to the app's current listener, if any.
void deliver_event(void* user, const char* event_json);

}  // namespace selfcare::jni
