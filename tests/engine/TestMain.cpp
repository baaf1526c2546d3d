// The engine tests' entry point: the BLAS kernel is chosen as in patchbank-cli, so that the tests
// run (and check) what users run.
#include <gtest/gtest.h>

#include "engine/util/BlasKernel.h"

int main(int argc, char** argv) {
    pb::selectBlasKernel(argv);
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
