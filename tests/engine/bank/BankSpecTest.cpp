#include <gtest/gtest.h>

#include <string>

#include "engine/bank/BankSpec.h"
#include "engine/util/Error.h"

namespace {

// The spec must be refused with a message that contains `part`.
void expectRefused(const std::string& spec, const std::string& part) {
    try {
        pb::parseBankSpec(spec);
        ADD_FAILURE() << spec << " was accepted";
    } catch (const pb::Error& e) {
        EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << spec << " -> " << e.what();
    }
}

}  // namespace

TEST(BankSpec, FractionsCountsAndMegabytes) {
    EXPECT_EQ(pb::parseBankSpec("coreset:0.0625").toString(), "coreset:0.0625");
    EXPECT_EQ(pb::parseBankSpec("coreset:1/16").toString(), "coreset:0.0625");
    const pb::BankSpec count = pb::parseBankSpec("random:4096");
    EXPECT_EQ(count.budget.unit, pb::BankBudget::Unit::Count);
    EXPECT_EQ(count.toString(), "random:4096");
    const pb::BankSpec mb = pb::parseBankSpec("kmeans:18MB");
    EXPECT_EQ(mb.budget.unit, pb::BankBudget::Unit::Megabytes);
    EXPECT_EQ(mb.toString(), "kmeans:18MB");
    EXPECT_EQ(pb::parseBankSpec("kmeans:18mib").toString(), "kmeans:18MB");
    EXPECT_EQ(pb::parseBankSpec("flat").toString(), "flat");
    EXPECT_EQ(pb::parseBankSpec("coreset:1.0").budget.unit, pb::BankBudget::Unit::Fraction);
}

TEST(BankSpec, BudgetResolution) {
    // METHODS.md: 18 MB of 1024-d float32 vectors is 4,608 vectors.
    EXPECT_EQ(pb::parseBankSpec("coreset:18MB").budget.resolve(1000000, 1024), 4608u);
    EXPECT_EQ(pb::parseBankSpec("coreset:18MB").budget.resolve(1000, 1024), 1000u);  // never more than the source
    EXPECT_EQ(pb::parseBankSpec("coreset:1/16").budget.resolve(1600, 8), 100u);
    EXPECT_EQ(pb::parseBankSpec("coreset:0.1").budget.resolve(1999, 8), 199u);  // rounds down like int(n * p)
    EXPECT_EQ(pb::parseBankSpec("coreset:0.001").budget.resolve(10, 8), 1u);    // at least one vector
    EXPECT_EQ(pb::parseBankSpec("random:4096").budget.resolve(100, 8), 100u);
    EXPECT_EQ(pb::parseBankSpec("random:4096").budget.resolve(0, 8), 0u);
    EXPECT_EQ(pb::parseBankSpec("flat").budget.resolve(123, 8), 123u);
}

TEST(BankSpec, OptionsNormaliseInAFixedOrder) {
    const pb::BankSpec s = pb::parseBankSpec("vwcoreset:0.1,alpha=2,seed=3,proj=64,device=cpu");
    EXPECT_EQ(s.seed, 3u);
    EXPECT_EQ(s.projection, 64);
    EXPECT_DOUBLE_EQ(s.alpha, 2.0);
    EXPECT_EQ(s.toString(), "vwcoreset:0.1,seed=3,proj=64,alpha=2");
    // Defaults are left out; the device is an execution setting, not part of the spec.
    EXPECT_EQ(pb::parseBankSpec("coreset:0.1,seed=0,proj=128,device=cuda").toString(), "coreset:0.1");
    EXPECT_EQ(pb::parseBankSpec("coreset:0.1,device=cuda").device, "cuda");
    EXPECT_EQ(pb::parseBankSpec("kmeans_residual:512,iter=10").toString(), "kmeans_residual:512,iter=10");
    EXPECT_EQ(pb::parseBankSpec("ivfpq").toString(), "ivfpq:nlist=100,m=8,nbits=8,nprobe=4");
    const pb::BankSpec ivf = pb::parseBankSpec("ivfpq:nprobe=16,nbits=4,m=16,nlist=64");
    EXPECT_EQ(ivf.toString(), "ivfpq:nlist=64,m=16,nbits=4,nprobe=16");
    // Normalised strings parse back to themselves.
    for (const char* text : {"coreset:0.0625", "random:4096,seed=9", "kmeans:18MB,iter=5", "flat",
                             "vwcoreset:0.005,proj=0,alpha=0.5", "ivfpq:nlist=100,m=8,nbits=8,nprobe=4"})
        EXPECT_EQ(pb::parseBankSpec(text).toString(), text);
    // The whole source as a fraction stays a fraction (not a count of one vector).
    const pb::BankSpec whole = pb::parseBankSpec(pb::parseBankSpec("coreset:1/1").toString());
    EXPECT_EQ(whole.budget.unit, pb::BankBudget::Unit::Fraction);
    EXPECT_EQ(whole.budget.resolve(5000, 128), 5000u);
}

TEST(BankSpec, MalformedSpecsNameTheBadPart) {
    expectRefused("bogus:0.1", "bogus");
    expectRefused("coreset", "needs a budget");
    expectRefused("coreset:seed=3", "needs a budget");
    expectRefused("coreset:0", "\"0\"");
    expectRefused("coreset:1.5", "1.5");
    expectRefused("coreset:2/1", "2/1");
    expectRefused("coreset:abc", "abc");
    expectRefused("coreset:-3MB", "-3MB");
    expectRefused("coreset:0.1,foo=1", "foo");
    expectRefused("coreset:0.1,alpha=1", "alpha");  // only vwcoreset has alpha
    expectRefused("coreset:0.1,seed=x", "seed=x");
    expectRefused("coreset:0.1,seed", "seed");
    expectRefused("coreset:0.1,,seed=1", "empty item");
    expectRefused("coreset:0.1,seed=1,seed=2", "twice");
    expectRefused("flat:0.5", "0.5");
    expectRefused("ivfpq:nbits=17", "nbits=17");
    expectRefused("ivfpq:nlist=4,nprobe=8", "nprobe=8");
    expectRefused("ivfpq:0.5", "0.5");
    expectRefused("random:0.1,proj=64", "proj");
}
