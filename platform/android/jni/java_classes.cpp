// SPDX-License-Identifier: Apache-2.0
#include "java_classes.hpp"

namespace selfcare::jni {
namespace {

JavaClasses g_classes;

jclass global_class(JNIEnv* env, const char* name) {
    jclass local = env->FindClass(name);
    if (local == nullptr) return nullptr;
    auto global = static_cast<jclass>(env->NewGlobalRef(local));
    env->DeleteLocalRef(local);
    return global;
}

}  // namespace

bool load_java_classes(JNIEnv* env) {
    JavaClasses c;
    c.native_bridge = global_class(env, "com/selfcare/sdk/NativeBridge");
    if (c.native_bridge == nullptr) return false;
    c.selfcare_exception = global_class(env, "com/selfcare/sdk/SelfcareException");
    if (c.selfcare_exception == nullptr) return false;
    c.exception_from_native = env->GetStaticMethodID(c.selfcare_exception, "fromNative",
                                                     "(I[B)Lcom/selfcare/sdk/SelfcareException;");
    if (c.exception_from_native == nullptr) return false;

    // Held as global refs so the method ids stay valid (a class is never unloaded while referenced).
    c.pending_call = global_class(env, "com/selfcare/sdk/PendingCall");
    if (c.pending_call == nullptr) return false;
    c.pending_complete = env->GetMethodID(c.pending_call, "complete", "(I[B)V");
    if (c.pending_complete == nullptr) return false;
    c.selfcare_client = global_class(env, "com/selfcare/sdk/SelfcareClient");
    if (c.selfcare_client == nullptr) return false;
    c.client_on_event = env->GetMethodID(c.selfcare_client, "onNativeEvent", "([B)V");
    if (c.client_on_event == nullptr) return false;

    g_classes = c;
    return true;
}

const JavaClasses& java_classes() { return g_classes; }

}  // namespace selfcare::jni
