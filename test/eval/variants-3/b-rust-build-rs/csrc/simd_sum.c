#include <stddef.h>

double simd_sum(const double *xs, size_t n) {
    double acc[4] = {0, 0, 0, 0};
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        acc[0] += xs[i];
        acc[1] += xs[i + 1];
        acc[2] += xs[i + 2];
        acc[3] += xs[i + 3];
    }
    double s = acc[0] + acc[1] + acc[2] + acc[3];
    for (; i < n; i++) s += xs[i];
    return s;
}
