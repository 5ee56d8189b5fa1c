package com.toaide.kernel;

/**
 * Thrown inside the kernel the moment an event is found invalid, and turned into a rejected
 * {@link Result} by {@link Kernel}; it never escapes the package. It carries no stack trace
 * because rejections are ordinary outcomes (an AI sends many), not bugs.
 */
final class Rejection extends RuntimeException {
    final Code code;

    Rejection(Code code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }
}
