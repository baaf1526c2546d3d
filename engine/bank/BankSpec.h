// The factory string of a memory bank, in the spirit of faiss::index_factory: "flat", "random:B",
// "coreset:B", "vwcoreset:B", "kmeans:B", "kmeans_residual:B", "ivfpq:nlist=100,m=8,nbits=8,nprobe=4",
// with options after commas ("coreset:1/16,seed=3,proj=64"). Parsed once into a BankSpec and printed
// back in one normalised spelling, which is what bank files store.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace pb {

enum class BankKind { Flat, Random, Coreset, VwCoreset, KMeans, KMeansResidual, IvfPq };

// How many vectors a compressor may keep: a fraction of the source vectors ("0.0625", "1/16"), a
// vector count ("4096") or megabytes of float32 vectors ("18MB", MB = MiB, one D-dim vector = 4*D bytes).
struct BankBudget {
    enum class Unit { All, Fraction, Count, Megabytes };
    Unit unit = Unit::All;
    double value = 0;

    // Vectors to keep out of `sourceCount` D-dim vectors: at most sourceCount, at least 1 when
    // sourceCount > 0. A fraction rounds down (PatchCore's int(n * percentage)).
    std::size_t resolve(std::size_t sourceCount, int dim) const;
    // "0.0625", "4096", "18MB"; empty for Unit::All.
    std::string toString() const;
};

struct BankSpec {
    BankKind kind = BankKind::Flat;
    BankBudget budget;              // every kind but flat and ivfpq
    std::uint64_t seed = 0;         // random, coreset, vwcoreset, kmeans, kmeans_residual: "seed="
    int projection = 128;           // coreset, vwcoreset: random projection dims for the distances, 0 = none: "proj="
    double alpha = 1.0;             // vwcoreset: exponent of the variance weight: "alpha="
    int iterations = 25;            // kmeans, kmeans_residual: Lloyd iterations: "iter="
    int nlist = 100;                // ivfpq: coarse cells
    int m = 8;                      // ivfpq: sub-quantisers (must divide the dimension)
    int nbits = 8;                  // ivfpq: bits per sub-quantiser code, 1..16
    int nprobe = 4;                 // ivfpq: cells visited per query, 1..nlist
    // LibTorch device of the compressors ("device=cuda"). An execution setting, not part of the bank's
    // identity: toString() leaves it out, so a bank built on a GPU has the same spec as one built on the CPU.
    std::string device = "cpu";

    // The normalised spelling: kind, budget, then the options that differ from their defaults in a fixed
    // order; ivfpq always lists nlist, m, nbits and nprobe ("coreset:0.0625", "ivfpq:nlist=100,m=8,nbits=8,nprobe=4").
    std::string toString() const;
};

// Throws pb::Error naming the malformed part: an unknown kind or option, a bad number, a missing or
// out-of-range budget.
BankSpec parseBankSpec(const std::string& text);

// "flat", "random", "coreset", "vwcoreset", "kmeans", "kmeans_residual", "ivfpq".
std::string bankKindName(BankKind kind);

}  // namespace pb
