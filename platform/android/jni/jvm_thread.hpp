// SPDX-License-Identifier: Apache-2.0
// The JNIEnv of whatever thread the SDK calls back on. The SDK's worker, sync and event threads
// are not Java threads: the first callback on one attaches it to the JVM (as a daemon, so it never
// keeps the JVM alive) and it is detached when the thread exits, through a pthread key destructor.
// Attaching once per thread, not once per callback, saves creating a java.lang.Thread per event.
#pragma once

#include <jni.h>

namespace selfcare::jni {

/// Remembers the JVM (from JNI_OnLoad) and creates the thread-exit hook. Returns false if the
/// hook cannot be created. Call once, before any other function here.
bool remember_vm(JavaVM* vm);

/// The calling thread's JNIEnv, attaching the thread if it is not a Java thread yet. nullptr
/// when it cannot be attached (the JVM is shutting down). Thread-safe.
JNIEnv* env_for_this_thread();

}  // namespace selfcare::jni
