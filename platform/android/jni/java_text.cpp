// SPDX-License-Identifier: Apache-2.0
#include "java_text.hpp"

#include <cstring>
#include <new>

#include "java_classes.hpp"

namespace selfcare::jni {

std::optional<std::string> utf8_from_java(JNIEnv* env, jbyteArray bytes, const char* field) {
    if (bytes == nullptr) {
        throw_java(env, "java/lang/NullPointerException", field);
        return std::nullopt;
    }
    const jsize size = env->GetArrayLength(bytes);
    std::string text;
    try {
        text.resize(static_cast<std::size_t>(size));
    } catch (const std::bad_alloc&) {
        throw_java(env, "java/lang/OutOfMemoryError", "copying text for the SDK");
        return std::nullopt;
    }
    env->GetByteArrayRegion(bytes, 0, size, reinterpret_cast<jbyte*>(text.data()));
    if (std::memchr(text.data(), '\0', text.size()) != nullptr) {
        const std::string message = std::string(field) + " must not contain a NUL character";
        throw_java(env, "java/lang/IllegalArgumentException", message.c_str());
        return std::nullopt;
    }
    return text;
}

jbyteArray utf8_to_java(JNIEnv* env, const char* text) {
    const jsize size = text != nullptr ? static_cast<jsize>(std::strlen(text)) : 0;
    jbyteArray bytes = env->NewByteArray(size);
    if (bytes == nullptr) return nullptr;  // OutOfMemoryError is pending
    if (size > 0) env->SetByteArrayRegion(bytes, 0, size, reinterpret_cast<const jbyte*>(text));
    return bytes;
}

void throw_java(JNIEnv* env, const char* class_name, const char* message) {
    jclass type = env->FindClass(class_name);
    if (type == nullptr) return;  // NoClassDefFoundError is pending instead
    env->ThrowNew(type, message);
    env->DeleteLocalRef(type);
}

void throw_selfcare(JNIEnv* env, int status, const char* error_json) {
    jbyteArray document = nullptr;
    if (error_json != nullptr) {
        document = utf8_to_java(env, error_json);
        if (document == nullptr) return;  // OutOfMemoryError is pending
    }
    const JavaClasses& c = java_classes();
    auto error = static_cast<jthrowable>(
        env->CallStaticObjectMethod(c.selfcare_exception, c.exception_from_native, static_cast<jint>(status), document));
    if (document != nullptr) env->DeleteLocalRef(document);
    if (env->ExceptionCheck()) return;  // the factory itself failed; that exception stands
    env->Throw(error);
    env->DeleteLocalRef(error);
}

}  // namespace selfcare::jni
