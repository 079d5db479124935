// SPDX-License-Identifier: Apache-2.0
// Text across JNI as UTF-8 byte arrays. The Java side encodes and decodes with its own UTF-8
// codec (String.getBytes / new String(bytes, UTF_8)); JNI's GetStringUTFChars and NewStringUTF
// would use "modified UTF-8", which encodes a character outside the BMP as two 3-byte surrogates
// (invalid UTF-8, refused by the SDK) and NUL as two bytes. Also: throwing Java exceptions.
#pragma once

#include <jni.h>

#include <optional>
#include <string>

namespace selfcare::jni {

/// Copies a byte[] of UTF-8 into a NUL-terminated string for the C ABI. A NUL byte inside would
/// silently cut the text short in C, so it is refused: IllegalArgumentException naming `field`,
/// and nullopt. nullopt with NullPointerException for a null array; with OutOfMemoryError when
/// the copy cannot be made.
std::optional<std::string> utf8_from_java(JNIEnv* env, jbyteArray bytes, const char* field);

/// A new byte[] holding `text` (UTF-8 from the SDK; NULL gives an empty array). nullptr with
/// OutOfMemoryError pending when it cannot be allocated.
jbyteArray utf8_to_java(JNIEnv* env, const char* text);

/// Throws a new `class_name` (e.g. "java/lang/IllegalStateException") with `message`.
void throw_java(JNIEnv* env, const char* class_name, const char* message);

/// Throws the SelfcareException for a failed C ABI call: its status and error document (may be
/// NULL). The Java side parses the document.
void throw_selfcare(JNIEnv* env, int status, const char* error_json);

}  // namespace selfcare::jni
