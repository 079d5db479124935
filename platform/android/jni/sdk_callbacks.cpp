// SPDX-License-Identifier: Apache-2.0
#include "sdk_callbacks.hpp"

#include "java_classes.hpp"
#include "java_text.hpp"
#include "jvm_thread.hpp"

namespace selfcare::jni {
namespace {

// A thread the SDK attached stays attached between callbacks, so local references made during a
// callback would pile up until it exits: each callback runs in a local frame of its own.
constexpr jint kLocalFrameSize = 4;

// Nothing may unwind into the SDK's threads. The Java side already hands the app's exceptions to
// the uncaught-exception handler; what is left (an error while making the byte array) is printed.
void clear_exception(JNIEnv* env) {
    if (env->ExceptionCheck()) {
        env->ExceptionDescribe();
        env->ExceptionClear();
    }
}

}  // namespace

void deliver_result(void* user, int status, const char* result_json) {
    auto pending = static_cast<jobject>(user);
    JNIEnv* env = env_for_this_thread();
    // Without a JNIEnv (the JVM is going away) nothing can be called or released.
    if (env == nullptr) return;
    if (env->PushLocalFrame(kLocalFrameSize) == JNI_OK) {
        jbyteArray json = utf8_to_java(env, result_json);
        if (json == nullptr) {
            // Out of memory for the answer: still complete the call, once, as a failure.
            clear_exception(env);
            status = SC_E_INTERNAL;
        }
        env->CallVoidMethod(pending, java_classes().pending_complete, static_cast<jint>(status), json);
        clear_exception(env);
        env->PopLocalFrame(nullptr);
    } else {
        clear_exception(env);
    }
    env->DeleteGlobalRef(pending);
}

void deliver_event(void* user, const char* event_json) {
    auto* bridge = static_cast<ClientBridge*>(user);
    JNIEnv* env = env_for_this_thread();
    if (env == nullptr) return;
    // The listener may run on a Java thread that is inside sc_call (the command raised the
    // event); an exception pending there must not leak into that call's return.
    if (env->PushLocalFrame(kLocalFrameSize) != JNI_OK) {
        clear_exception(env);
        return;
    }
    jbyteArray json = utf8_to_java(env, event_json);
    if (json != nullptr) env->CallVoidMethod(bridge->java_client, java_classes().client_on_event, json);
    clear_exception(env);
    env->PopLocalFrame(nullptr);
}

}  // namespace selfcare::jni
