// SPDX-License-Identifier: Apache-2.0
// The native methods of com.selfcare.sdk.NativeBridge, one per C ABI entry point, bound with
// RegisterNatives in JNI_OnLoad (the only symbol this library exports). No business logic: each
// method converts its arguments, calls selfcare.h, and turns a failure into a Java exception.
// SelfcareClient (Java) guarantees a handle is open for the whole of every call on it.
#include <jni.h>

#include <cstdint>
#include <exception>
#include <new>
#include <optional>
#include <string>

#include <selfcare/selfcare.h>

#include "java_classes.hpp"
#include "java_text.hpp"
#include "jvm_thread.hpp"
#include "sdk_callbacks.hpp"
#include "supplied_key.hpp"

namespace selfcare::jni {
namespace {

ClientBridge* bridge_of(JNIEnv* env, jlong handle) {
    auto* bridge = reinterpret_cast<ClientBridge*>(static_cast<std::intptr_t>(handle));
    if (bridge == nullptr) throw_java(env, "java/lang/IllegalStateException", "the selfcare client is closed");
    return bridge;
}

// No C++ exception may cross into the JVM; the only ones possible here are allocation failures.
void throw_from_native_failure(JNIEnv* env) {
    if (!env->ExceptionCheck()) throw_java(env, "java/lang/OutOfMemoryError", "selfcare JNI bridge");
}

jint abi_version(JNIEnv*, jclass) { return sc_version(); }

jint header_abi_version(JNIEnv*, jclass) { return SC_ABI_VERSION; }

jlong open_client(JNIEnv* env, jclass, jbyteArray config, jbyteArray key, jboolean config_is_empty,
                  jobject java_client) {
    try {
        const auto text = utf8_from_java(env, config, "config");
        if (!text) return 0;
        std::string with_key;
        if (key != nullptr) {
            if (env->GetArrayLength(key) != static_cast<jsize>(kDatabaseKeyBytes)) {
                throw_java(env, "java/lang/IllegalArgumentException", "the database key must be 32 bytes");
                return 0;
            }
            unsigned char raw[kDatabaseKeyBytes];
            env->GetByteArrayRegion(key, 0, static_cast<jsize>(kDatabaseKeyBytes), reinterpret_cast<jbyte*>(raw));
            with_key = config_with_supplied_key(*text, raw, config_is_empty == JNI_TRUE);
            wipe_bytes(raw, sizeof raw);
            if (with_key.empty()) {
                throw_java(env, "java/lang/IllegalArgumentException", "config must be a JSON object");
                return 0;
            }
        }
        sc_client* client = nullptr;
        char* error = nullptr;
        const int status = sc_client_open(key != nullptr ? with_key.c_str() : text->c_str(), &client, &error);
        wipe_string(with_key);
        if (status != SC_OK) {
            throw_selfcare(env, status, error);
            sc_free(error);
            return 0;
        }
        auto* bridge = new (std::nothrow) ClientBridge{client, env->NewGlobalRef(java_client)};
        if (bridge == nullptr || bridge->java_client == nullptr) {
            sc_client_close(client);
            delete bridge;
            throw_from_native_failure(env);
            return 0;
        }
        return static_cast<jlong>(reinterpret_cast<std::intptr_t>(bridge));
    } catch (...) {
        throw_from_native_failure(env);
        return 0;
    }
}

jbyteArray call(JNIEnv* env, jclass, jlong handle, jbyteArray command, jbyteArray args) {
    try {
        ClientBridge* bridge = bridge_of(env, handle);
        if (bridge == nullptr) return nullptr;
        const auto name = utf8_from_java(env, command, "command");
        if (!name) return nullptr;
        std::optional<std::string> arguments;
        if (args != nullptr) {
            arguments = utf8_from_java(env, args, "args");
            if (!arguments) return nullptr;
        }
        char* out = nullptr;
        const int status = sc_call(bridge->client, name->c_str(), arguments ? arguments->c_str() : nullptr, &out);
        // An offline-queued write is a success: its result (with "queued": true) is usable.
        jbyteArray result = nullptr;
        if (status == SC_OK || status == SC_E_OFFLINE_QUEUED) {
            result = utf8_to_java(env, out);
        } else {
            throw_selfcare(env, status, out);
        }
        sc_free(out);
        return result;
    } catch (...) {
        throw_from_native_failure(env);
        return nullptr;
    }
}

void call_async(JNIEnv* env, jclass, jlong handle, jbyteArray command, jbyteArray args, jobject pending) {
    try {
        ClientBridge* bridge = bridge_of(env, handle);
        if (bridge == nullptr) return;
        if (pending == nullptr) {
            throw_java(env, "java/lang/NullPointerException", "callback");
            return;
        }
        const auto name = utf8_from_java(env, command, "command");
        if (!name) return;
        std::optional<std::string> arguments;
        if (args != nullptr) {
            arguments = utf8_from_java(env, args, "args");
            if (!arguments) return;
        }
        // Released by deliver_result, after the callback has run (or below if it never will).
        jobject ref = env->NewGlobalRef(pending);
        if (ref == nullptr) {
            throw_from_native_failure(env);
            return;
        }
        const int status = sc_call_async(bridge->client, name->c_str(), arguments ? arguments->c_str() : nullptr,
                                         deliver_result, ref);
        if (status != SC_OK) {
            env->DeleteGlobalRef(ref);
            throw_selfcare(env, status, nullptr);
        }
    } catch (...) {
        throw_from_native_failure(env);
    }
}

void set_listener(JNIEnv* env, jclass, jlong handle) {
    ClientBridge* bridge = bridge_of(env, handle);
    if (bridge == nullptr) return;
    // Always the same function and context: the Java side decides which listener receives.
    const int status = sc_set_listener(bridge->client, deliver_event, bridge);
    if (status != SC_OK) throw_selfcare(env, status, nullptr);
}

void close_client(JNIEnv* env, jclass, jlong handle) {
    auto* bridge = reinterpret_cast<ClientBridge*>(static_cast<std::intptr_t>(handle));
    if (bridge == nullptr) return;
    // Waits for callbacks in flight; afterwards nothing refers to the bridge or its global ref.
    sc_client_close(bridge->client);
    env->DeleteGlobalRef(bridge->java_client);
    delete bridge;
}

// Kept in step with NativeBridge.java; RegisterNatives fails the load when they disagree.
char kAbiVersion[] = "abiVersion";
char kHeaderAbiVersion[] = "headerAbiVersion";
char kOpen[] = "open";
char kCall[] = "call";
char kCallAsync[] = "callAsync";
char kSetListener[] = "setListener";
char kClose[] = "close";
char kSigInt[] = "()I";
char kSigOpen[] = "([B[BZLcom/selfcare/sdk/SelfcareClient;)J";
char kSigCall[] = "(J[B[B)[B";
char kSigCallAsync[] = "(J[B[BLcom/selfcare/sdk/PendingCall;)V";
char kSigHandle[] = "(J)V";

const JNINativeMethod kMethods[] = {
    {kAbiVersion, kSigInt, reinterpret_cast<void*>(abi_version)},
    {kHeaderAbiVersion, kSigInt, reinterpret_cast<void*>(header_abi_version)},
    {kOpen, kSigOpen, reinterpret_cast<void*>(open_client)},
    {kCall, kSigCall, reinterpret_cast<void*>(call)},
    {kCallAsync, kSigCallAsync, reinterpret_cast<void*>(call_async)},
    {kSetListener, kSigHandle, reinterpret_cast<void*>(set_listener)},
    {kClose, kSigHandle, reinterpret_cast<void*>(close_client)},
};

}  // namespace
}  // namespace selfcare::jni

extern "C" JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM* vm, void*) {
    using namespace selfcare::jni;
    JNIEnv* env = nullptr;
    if (vm->GetEnv(reinterpret_cast<void**>(&env), JNI_VERSION_1_6) != JNI_OK) return JNI_ERR;
    if (!remember_vm(vm)) return JNI_ERR;
    if (!load_java_classes(env)) return JNI_ERR;
    const jint count = static_cast<jint>(sizeof kMethods / sizeof kMethods[0]);
    if (env->RegisterNatives(java_classes().native_bridge, kMethods, count) != JNI_OK) return JNI_ERR;
    return JNI_VERSION_1_6;
}
