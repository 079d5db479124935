// SPDX-License-Identifier: Apache-2.0
#include "jvm_thread.hpp"

#include <pthread.h>

#include <type_traits>

namespace selfcare::jni {
namespace {

JavaVM* g_vm = nullptr;
pthread_key_t g_attached_key;

// Runs at the exit of a thread this file attached (its key value is not null).
void detach_at_thread_exit(void*) {
    if (g_vm != nullptr) g_vm->DetachCurrentThread();
}

// OpenJDK's jni.h declares AttachCurrentThreadAsDaemon(void**, void*), Android's
// (JNIEnv**, void*); this compiles against either.
template <typename Vm>
jint attach_as_daemon(Vm* vm, JNIEnv** env, JavaVMAttachArgs* args) {
    if constexpr (std::is_invocable_v<decltype(&Vm::AttachCurrentThreadAsDaemon), Vm*, JNIEnv**, void*>) {
        return vm->AttachCurrentThreadAsDaemon(env, args);
    } else {
        return vm->AttachCurrentThreadAsDaemon(reinterpret_cast<void**>(env), args);
    }
}

}  // namespace

bool remember_vm(JavaVM* vm) {
    g_vm = vm;
    return pthread_key_create(&g_attached_key, detach_at_thread_exit) == 0;
}

JNIEnv* env_for_this_thread() {
    JNIEnv* env = nullptr;
    const jint got = g_vm->GetEnv(reinterpret_cast<void**>(&env), JNI_VERSION_1_6);
    if (got == JNI_OK) return env;  // a Java thread, or one attached earlier
    if (got != JNI_EDETACHED) return nullptr;
    char name[] = "selfcare-sdk";
    JavaVMAttachArgs args{JNI_VERSION_1_6, name, nullptr};
    if (attach_as_daemon(g_vm, &env, &args) != JNI_OK) return nullptr;
    // Any non-null value makes the destructor run at thread exit.
    pthread_setspecific(g_attached_key, env);
    return env;
}

}  // namespace selfcare::jni
