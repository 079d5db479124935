// SPDX-License-Identifier: Apache-2.0
// The Java classes and methods the bridge calls, looked up once in JNI_OnLoad. Looking them up
// there matters on Android: FindClass on a thread the SDK attached later would search the system
// class loader, which cannot see the app's classes. Names here must match java/src/ (and the
// ProGuard keep rules in README.md).
#pragma once

#include <jni.h>

namespace selfcare::jni {

struct JavaClasses {
    jclass native_bridge = nullptr;        // com.selfcare.sdk.NativeBridge (global ref)
    jclass selfcare_exception = nullptr;   // com.selfcare.sdk.SelfcareException (global ref)
    jclass pending_call = nullptr;         // com.selfcare.sdk.PendingCall (global ref)
    jclass selfcare_client = nullptr;      // com.selfcare.sdk.SelfcareClient (global ref)
    jmethodID exception_from_native = nullptr;  // static SelfcareException fromNative(int, byte[])
    jmethodID pending_complete = nullptr;       // PendingCall.complete(int, byte[])
    jmethodID client_on_event = nullptr;        // SelfcareClient.onNativeEvent(byte[])
};

/// Looks everything up; false (with a Java exception pending) when something is missing.
bool load_java_classes(JNIEnv* env);

/// What load_java_classes found. Valid after a successful JNI_OnLoad, read-only afterwards.
const JavaClasses& java_classes();

}  // namespace selfcare::jni
