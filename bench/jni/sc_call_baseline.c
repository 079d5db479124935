/* SPDX-License-Identifier: Apache-2.0 */
/* The baseline of JniBench: the same cached account.summary timed through sc_call directly, in
 * the same process and run. A native method of com.selfcare.bench.JniBench, so both figures come
 * from one JVM invocation on the same data folder. */
#define _POSIX_C_SOURCE 199309L
#include <jni.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <selfcare/selfcare.h>

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* Opens a client with `config`, runs `warmup` untimed and then `iterations` timed calls of
 * account.summary, closes it. Returns the timed nanoseconds, or -1 when something failed. */
JNIEXPORT jlong JNICALL Java_com_selfcare_bench_JniBench_scCallLoop(JNIEnv *env, jclass cls, jbyteArray config,
                                                                    jint warmup, jint iterations) {
    jsize size = (*env)->GetArrayLength(env, config);
    char *text = malloc((size_t)size + 1);
    sc_client *client = NULL;
    char *out = NULL;
    long long start, elapsed;
    jint i;
    (void)cls;
    if (text == NULL) return -1;
    (*env)->GetByteArrayRegion(env, config, 0, size, (jbyte *)text);
    text[size] = '\0';
    if (sc_client_open(text, &client, NULL) != SC_OK) {
        free(text);
        return -1;
    }
    free(text);
    for (i = 0; i < warmup; ++i) {
        int status = sc_call(client, "account.summary", NULL, &out);
        sc_free(out);
        if (status != SC_OK) {
            sc_client_close(client);
            return -1;
        }
    }
    start = now_ns();
    for (i = 0; i < iterations; ++i) {
        int status = sc_call(client, "account.summary", NULL, &out);
        sc_free(out);
        if (status != SC_OK) {
            sc_client_close(client);
            return -1;
        }
    }
    elapsed = now_ns() - start;
    sc_client_close(client);
    return (jlong)elapsed;
}
