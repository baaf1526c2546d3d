#include "app/cli/Options.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "engine/backbone/Backbone.h"
#include "engine/experiments/BudgetSweep.h"
#include "engine/purify/ContaminationExperiment.h"

namespace pb::cli {

namespace {

// The commands that extract features and score them against a memory bank: they share the feature,
// kNN and scoring options, which must match between bank build and bank score / add.
const std::vector<std::string> kEvaluation = {"evaluate", "demo",  "bank build", "bank score",
                                              "bank add", "route", "sweep"};
// The commands that write an evaluation report (metrics.csv, scores.csv, heatmaps).
const std::vector<std::string> kReport = {"evaluate", "demo", "bank score"};
const std::vector<std::string> kBench = {"bench knn",     "bench features", "bench vit",   "bench coreset",
                                         "bench kmeans",  "bench ivfpq",    "bench recon"};

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// The commands that extract features: they share the feature options (backbone, resolution, cache, ...).
const std::vector<std::string> kFeatures = with(kEvaluation, {"audit", "train", "bench patchcore"});

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

std::vector<OptionSpec> buildOptionTable() {
    using K = OptionKind;
    const std::string sweepMethods = joined(BudgetSweep::knownMethods(), ", ");
    const std::string backbones = joined(knownBackbones(), ", ");
    const std::string purifyMethods = joined(purify::PurificationMethod::names(), ", ");
    // Table order is the order of every command's --help: what a command reads and writes first, then
    // its own settings, the shared feature options, and the general flags last.
    // clang-format off: one entry per option, as a table
    return {
        // What the commands read and write.
        {"data",
         "DIR",
         K::Repeatable,
         {"evaluate", "route"},
         "data set folder (MVTec AD, VisA, BTAD, MVTec LOCO or plain images); repeat it\n"
         "to pool the products of several data sets (evaluate: with --shared or --support)"},
        {"data",
         "DIR",
         K::Text,
         {"sweep", "bank build", "bank score", "audit", "train"},
         "data set folder (MVTec AD, VisA, BTAD, MVTec LOCO or plain images)"},
        {"product",
         "NAME ...",
         K::Values,
         {"evaluate", "route"},
         "only these products (default: all); several names may follow one --product,\nor repeat it"},
        {"product", "NAME", K::Text, {"sweep", "bank build", "bank score", "audit", "train"}, "the product (a folder of the data set)"},
        {"data", "DIR", K::Text, {"bench patchcore"}, "MVTec-layout data set folder"},
        {"product", "NAME", K::Text, {"bench patchcore"}, "the product whose features are searched (default bottle)"},
        {"bank-sizes",
         "A,B",
         K::IntegerList,
         {"bench patchcore"},
         "compressed banks, rows of one greedy coreset (default 5000,16000,50000)"},
        {"bank",
         "SPEC",
         K::Text,
         {"evaluate"},
         "memory bank per product (default flat = every patch, exact search):\n"
         "random:B, coreset:B, vwcoreset:B, kmeans:B, kmeans_residual:B,\n"
         "ivfpq:nlist=100,m=8,nbits=8,nprobe=4; B = fraction (1/16), count or MB;\n"
         "with --shared the compressor only (default coreset)"},
        {"bank",
         "SPEC",
         K::Text,
         {"bank build"},
         "flat | random:B | coreset:B | vwcoreset:B | kmeans:B | kmeans_residual:B |\n"
         "ivfpq:nlist=100,m=8,nbits=8,nprobe=4   with B a fraction (0.0625, 1/16),\n"
         "a count or MB (18MB)"},
        {"bank", "FILE", K::Text, {"bank score", "bank add"}, "the bank file (written by bank build or bank add)"},
        {"out", "DIR", K::Text, {"evaluate", "bank score"}, "report folder"},
        {"out", "DIR", K::Text, {"demo"}, "report folder (default demo-report)"},
        {"data", "DIR", K::Text, {"demo"}, "where the demo data set is generated (default <out>/data)"},
        {"out", "FILE", K::Text, {"bank build"}, "the bank file to write"},
        {"out", "FILE", K::Text, {"bank add"}, "the bank file to write, with the added patches"},
        {"out", "DIR", K::Text, {"route"}, "routing.csv (per image) and routing_confusion.csv"},
        {"out", "FILE", K::Text, {"sweep"}, "the CSV (default sweep.csv)"},
        {"out", "DIR", K::Text, {"audit"}, "audit.csv and the flagged images' PNGs (default audit-report)"},

        // evaluate --shared: one bank for many products.
        {"shared",
         "",
         K::Flag,
         {"evaluate"},
         "one bank shared by all products (memory pollution experiments);\n"
         "--bank then names the compressor only (default coreset)"},
        {"budget-mb", "X", K::Number, {"evaluate"}, "with --shared: total size of the shared bank in MiB (default 18)"},
        {"allocator",
         "NAME",
         K::Text,
         {"evaluate"},
         "with --shared: how the budget is split; uniform (default), proportional,\n"
         "oracle, dispersion, complexity"},
        {"route",
         "",
         K::Flag,
         {"evaluate"},
         "with --shared: search only the share of the product the prototype router picks"},
        {"router-metric", "M", K::Text, {"evaluate"}, "with --shared --route: l2 (default) or cosine"},

        // evaluate --support: the purification paper's contaminated few-shot protocol.
        {"support", "N[,N]", K::IntegerList, {"evaluate"},
         "run the contaminated few-shot protocol (METHODS.md section 5) with N\n"
         "reference images per product instead of the whole train split"},
        {"contamination", "C[,C]", K::List, {"evaluate"},
         "with --support: fractions of the support replaced by test anomalies\n"
         "(default 0.3; 0 is always run too, as the clean reference)"},
        {"setup", "A|B[,..]", K::List, {"evaluate"},
         "with --support: B = contaminants from a disjoint half of the anomalies\n"
         "(default, honest); A = from all anomalies, which stay in the test set"},
        {"seed", "S[,S]", K::IntegerList, {"evaluate"}, "with --support: protocol seeds (default 0,1,2,3,4)"},
        {"purify", "M[,M]", K::List, {"evaluate"},
         "with --support: what is done to the support before the bank is built:\n" + purifyMethods +
             "\n(default none,audit,recapture,oracle; none is always run)"},
        {"audit-score", "S", K::Text, {"evaluate"}, "with --purify audit/recapture: imgmax (default), q99, top5, mean"},
        {"audit-k", "K[,K]", K::List, {"evaluate"},
         "with --purify audit/recapture: MADs above the median that flag an image (default 1.5)"},

        // audit
        {"method", "S", K::Text, {"audit"}, "audit score of an image: imgmax (default: its worst patch), q99, top5, mean"},
        {"k", "K", K::Number, {"audit"}, "flag images above median + K x 1.4826 x MAD (default 1.5)"},
        {"max-flagged", "F", K::Number, {"audit"}, "flag at most int(F x images) (default 0.4)"},
        {"meds", "", K::Flag, {"audit"}, "also screen with the MeDS memory ensemble (METHODS.md section 6)"},
        {"members", "B", K::Integer, {"audit", "train", "evaluate"}, "with --meds: memory-ensemble members (default 100)"},
        {"split", "FILE", K::Text, {"audit"},
         "audit the training list of MeDS's noisy protocol (filename,clsname; defects\n"
         "copied from the test set) instead of the train split; the test set is then the\n"
         "test images it leaves out"},
        {"score-test", "", K::Flag, {"audit"},
         "also build a flat bank from all references and from those not flagged, score\n"
         "the test set with each: audit_banks.csv (image AUROC before and after)"},
        {"no-images", "", K::Flag, {"audit"}, "skip the flagged images' PNGs"},

        // train, and evaluate with a trained model or a noisy training list (MeDS, METHODS.md section 6)
        {"out", "FILE", K::Text, {"train"},
         "the model file (safetensors); an unfinished one of the same run is resumed;\n"
         "the curves go beside it: FILE.loss.csv, FILE.validation.csv, FILE.selection.csv"},
        {"model", "recon", K::Text, {"train"},
         "the detector: recon (default), a Dinomaly-style reconstruction of the frozen\n"
         "backbone's patch features, scaled to its width and tapped layers"},
        {"model", "FILE", K::Text, {"evaluate"},
         "score with a trained reconstruction model (train --out) instead of a memory\n"
         "bank; the feature options must be those it was trained with"},
        {"meds", "", K::Flag, {"train"},
         "MeDS stages 1-3: screen with the memory ensemble, distil its patch maps into\n"
         "the model (10 x MSE), then select progressively and fine-tune on the kept images"},
        {"meds", "", K::Flag, {"evaluate"},
         "with --noise-split: build the bank from the images MeDS's stage-1 memory\n"
         "ensemble keeps"},
        {"noise-split", "FILE", K::Text, {"train", "evaluate"},
         "MeDS's noisy protocol: train on this list (filename,clsname; defects copied from\n"
         "the test set), e.g. shared/reference/meds/MVTech/train_mvtec_nr20_seed_0.csv"},
        {"protocol", "disjoint|shared", K::Text, {"train", "evaluate"},
         "with --noise-split, the test set: disjoint (default) leaves out the injected\n"
         "defects; shared keeps every test image, as MeDS evaluates (overstates results)"},
        {"iterations", "N", K::Integer, {"train"}, "optimiser steps; with --meds those of stage 2 (default 10000)"},
        {"finetune-iterations", "N", K::Integer, {"train"}, "with --meds: stage-3 steps, T (default 10000)"},
        {"train-batch", "N", K::Integer, {"train"}, "images per optimiser step (default 16)"},
        {"blocks", "N", K::Integer, {"train", "bench recon"}, "decoder blocks, split evenly over the tapped layers (default 8)"},
        {"seed", "S", K::Integer, {"train"}, "initial weights, batches, dropout and the ensemble's draws (default 0)"},
        {"validate", "", K::Flag, {"train"},
         "score the test set at each validation point (image AUROC/AP, pixel AUROC/AP,\n"
         "AUPRO): the pixel-level over-fitting curve; shown, never used to select"},
        {"validate-every", "N", K::Integer, {"train"}, "iterations between validation points (default 100)"},
        {"checkpoint-every", "N", K::Integer, {"train"}, "iterations between checkpoints (default 100)"},

        // suite
        {"data", "NAME=DIR", K::Repeatable, {"suite run"}, "the folder of each data set the suite names (repeat it)"},
        {"weights", "[BACKBONE=]FILE", K::Repeatable, {"suite run"},
         "weights of a pretrained backbone (FILE alone: for every backbone); repeat it"},
        {"cache", "DIR", K::Text, {"suite run"}, "feature cache folder (default $PATCHBANK_CACHE_DIR or ~/.cache/patchbank)"},
        {"no-cache", "", K::Flag, {"suite run"}, "do not read or write cached features"},
        {"shard", "I/N", K::Text, {"suite run", "suite status"},
         "run only shard I of N (cells dealt round-robin; a Slurm array task runs one)"},
        {"out", "LOG", K::Text, {"suite run", "suite status"}, "the results log (JSON lines; a re-run skips its cells)"},
        {"out", "LOG", K::Text, {"suite merge"}, "the merged results log"},
        {"out", "DIR", K::Text, {"suite summarize"},
         "where the tables and figures go (<table>.csv, .md, .tex; <figure>.png, .svg)"},
        {"no-figures", "", K::Flag, {"suite summarize"}, "the tables only"},
        {"reference", "PATH", K::Text, {"suite verify"},
         "an earlier run's tables folder, or an expectations file (JSON) citing the papers' numbers"},
        {"reference-root", "DIR", K::Text, {"suite verify"},
         "the folder an expectations file's published tables are read from (e.g. shared/reference)"},
        {"tolerance", "X", K::Number, {"suite verify"},
         "against a tables folder: the largest absolute difference that agrees (default 0.005)"},
        {"out", "DIR", K::Text, {"suite verify"}, "also write the comparison there (verification.csv, .md, .tex)"},
        {"quiet", "", K::Flag, {"suite run", "suite summarize", "suite verify"},
         "no progress output (summarize, verify: no tables printed)"},

        // route
        {"metric", "l2|cosine", K::Text, {"route"}, "prototype distance (default l2)"},
        {"save-router", "FILE", K::Text, {"route"}, "write the router (one safetensors file)"},

        // sweep
        {"methods",
         "A,B",
         K::List,
         {"sweep"},
         "compressors, from: " + sweepMethods + "\n(default random,coreset,kmeans)"},
        {"fractions",
         "F,G",
         K::List,
         {"sweep"},
         "budgets as fractions of the training patches\n(default 1/64,1/32,1/16,1/8,1/4)"},
        {"pixel", "", K::Flag, {"sweep"}, "also the pixel AUROC of every bank (slower)"},
        {"no-flat", "", K::Flag, {"sweep"}, "leave out the uncompressed reference bank"},

        // demo
        {"seed", "N", K::Integer, {"demo"}, "seed of the generated images (default 7)"},

        // bench knn, coreset, kmeans, ivfpq: synthetic data sizes, then each benchmark's settings.
        {"vectors",
         "FILE",
         K::Text,
         {"bench knn"},
         "real features: a bank file (bank build --bank flat); its last rows are the\n"
         "queries, searched against the rows before them"},
        {"bank", "N", K::Integer, {"bench knn"}, "rows of the random bank (default 50000)"},
        {"bank", "N", K::Integer, {"bench ivfpq"}, "rows of the bank (default 164000)"},
        {"n", "N", K::Integer, {"bench coreset"}, "feature rows (default 200000)"},
        {"n", "N", K::Integer, {"bench kmeans"}, "feature rows (default 100000)"},
        {"dim", "D", K::Integer, {"bench knn", "bench coreset"}, "feature dimension (default 1024)"},
        {"dim", "D", K::Integer, {"bench kmeans", "bench ivfpq"}, "feature dimension (default 128)"},
        {"queries",
         "N,M",
         K::IntegerList,
         {"bench knn"},
         "query counts, one run each (default 784,3136; with --vectors 6272)"},
        {"queries", "N", K::Integer, {"bench ivfpq"}, "query count (default 3136)"},
        {"k", "K", K::Integer, {"bench knn", "bench patchcore"}, "neighbours per query (default 5)"},
        {"k", "N", K::Integer, {"bench kmeans"}, "clusters (default n/16)"},
        {"k", "K", K::Integer, {"bench ivfpq"}, "neighbours per query (default 1)"},
        {"methods",
         "A,B",
         K::List,
         {"bench knn"},
         "torch, faiss, blas, projected, bf16 (default torch,faiss,blas,projected;\n"
         "with --vectors blas,projected); the first is the reference for the others"},
        {"methods", "A,B", K::List, {"bench patchcore"},
         "our exact kNN methods to time (default blas,bf16); blas:sgemm, bf16:portable, ... pick a kernel"},
        {"repeats", "N", K::Integer, {"bench knn"}, "timed searches per method (default 3; with --vectors 1)"},
        {"repeats", "N", K::Integer, {"bench patchcore"}, "timed searches per method, the median counts (default 1)"},
        {"ratio", "R", K::Number, {"bench coreset", "bench patchcore"}, "fraction of the rows to select (default 0.1)"},
        {"proj", "D", K::Integer, {"bench coreset", "bench patchcore"}, "random projection the distances are computed in (default 128)"},
        {"iterations", "N", K::Integer, {"bench kmeans"}, "Lloyd iterations at most (default 25)"},
        {"nlist", "N", K::Integer, {"bench ivfpq"}, "inverted lists (default 100)"},
        {"m", "N", K::Integer, {"bench ivfpq"}, "product-quantiser sub-vectors (default 8)"},
        {"nbits", "A,B", K::IntegerList, {"bench ivfpq"}, "bits per sub-vector code, one run each (default 4,8)"},
        {"nprobe", "A,B", K::IntegerList, {"bench ivfpq"}, "lists searched per query, one run each (default 1,4,8,16)"},
        {"repeats", "N", K::Integer, {"bench ivfpq"}, "timed searches (default 3)"},
        {"seed", "S", K::Integer, {"bench coreset", "bench kmeans", "bench patchcore"}, "random seed (default 0)"},
        {"data",
         "clustered|uniform",
         K::Text,
         {"bench coreset", "bench kmeans", "bench ivfpq"},
         "synthetic features: clustered like patch features (default) or uniform"},
        {"clusters",
         "N",
         K::Integer,
         {"bench coreset", "bench kmeans"},
         "clusters of the clustered data (default 200)"},
        {"pruned", "", K::Flag, {"bench coreset"}, "also time the pruned selection alone"},
        {"pruned", "", K::Flag, {"bench kmeans"}, "also time the cell-pruned seeding draws"},
        {"lazy", "", K::Flag, {"bench coreset"}, "also time the lazy selection alone"},
        {"full", "", K::Flag, {"bench coreset"}, "also time ours without pruning (a full pass per step)"},
        {"torch", "", K::Flag, {"bench coreset"}, "also time ours as a LibTorch full pass"},
        {"no-baseline", "", K::Flag, {"bench coreset"}, "skip the PatchCore reference loop"},
        {"no-baseline", "", K::Flag, {"bench kmeans"}, "skip dense LibTorch Lloyd"},

        // bench features
        {"backbones",
         "A,B",
         K::List,
         {"bench features"},
         std::string("backbones to time (default ") + kDefaultBackbone + ",wide_resnet50_2)"},
        {"resolutions", "PX,PX", K::IntegerList, {"bench features"}, "square input sizes (default 224,448)"},
        {"repeats", "N", K::Integer, {"bench features"}, "timed batches after one warm-up (default 2)"},

        // bench vit
        {"models", "A,B", K::List, {"bench vit"}, "vits16, vitb16, vitl16 (default vits16,vitl16)"},
        {"resolution", "PX", K::Integer, {"bench vit"}, "square input (default 448)"},
        {"batch", "N", K::Integer, {"bench vit"}, "images per forward (default 1)"},
        {"iterations", "N", K::Integer, {"bench vit"}, "timed forwards; the fastest counts (default 3)"},
        {"warmup", "N", K::Integer, {"bench vit"}, "untimed forwards first (default 1)"},
        {"layer", "N", K::Integer, {"bench vit"}, "last block to run, Python-style (default -1 = all blocks)"},
        {"precision", "P", K::Text, {"bench vit"}, "ours: fp32 (default) or bf16"},
        {"python", "EXE", K::Text, {"bench vit", "bench recon", "bench patchcore"}, "Python with torch (default python3, else /usr/bin/python3)"},
        {"script", "FILE", K::Text, {"bench vit"}, "the reference script (default: bench/vit_pytorch_reference.py)"},
        {"script", "FILE", K::Text, {"bench recon"}, "the reference script (default: bench/recon_pytorch_reference.py)"},
        {"script", "FILE", K::Text, {"bench patchcore"}, "the reference script (default: bench/patchcore_reference.py)"},
        {"no-python", "", K::Flag, {"bench vit", "bench recon", "bench patchcore"}, "only time ours"},
        {"coreset-only", "", K::Flag, {"bench patchcore"}, "time the coreset only, no kNN (large texture sets)"},
        {"patchcore-loop",
         "",
         K::Flag,
         {"bench patchcore"},
         "also time PatchCore's coreset loop verbatim (it recomputes every row's norm per\n"
         "pick: minutes on a full product)"},

        // bench recon
        {"dim", "D", K::Integer, {"bench recon"}, "feature dimension = model width (default 128, mobilenetv2_100's taps)"},
        {"groups", "A,B", K::List, {"bench recon"}, "channels of each tapped layer (default 32,96 for --dim 128)"},
        {"grid", "N", K::Integer, {"bench recon"}, "patch grid side (default 28: 224 px at stride 8)"},
        {"batch", "N", K::Integer, {"bench recon"}, "images per optimiser step (default 16)"},
        {"iterations", "N", K::Integer, {"bench recon"}, "timed iterations (default 5)"},
        {"warmup", "N", K::Integer, {"bench recon"}, "untimed iterations first (default 1)"},
        {"no-onednn", "", K::Flag, {"bench vit"}, "ours with LibTorch's matrix products instead of oneDNN's sgemm"},

        // models
        {"verbose", "", K::Flag, {"models list"}, "also each model's description, papers, full licence and folder"},
        {"dir",
         "DIR",
         K::Text,
         {"models fetch"},
         "download into DIR (default: <models folder>/NAME, see 'models path')"},
        {"endpoint",
         "URL",
         K::Text,
         {"models fetch"},
         "hub address (default: $HF_ENDPOINT, else https://huggingface.co)"},
        {"retries", "N", K::Integer, {"models fetch"}, "resumed attempts after a dropped connection (default 3)"},
        {"quiet", "", K::Flag, {"models fetch"}, "print only the --backbone/--weights flags"},

        // The feature, kNN and scoring options of the evaluation commands.
        {"backbone", "NAME", K::Text, kFeatures,
         std::string("feature extractor (default ") + kDefaultBackbone + "; demo: " + kDemoBackbone + "):\n" +
             backbones + " (ViTs: architecture from config.json)"},
        {"weights", "FILE", K::Text, with(kFeatures, {"bench features"}),
         "model.safetensors (timm / Hugging Face format) or a TorchScript archive"},
        {"config", "FILE", K::Text, kFeatures, "Hugging Face config.json of a ViT (default: next to --weights)"},
        {"layers", "A,B", K::List, kFeatures,
         "CNN stages/submodules to tap (default: the stride-8 and stride-16 stages);\n"
         "for ViTs the block index, Python-style"},
        {"layer", "N", K::Integer, kFeatures,
         "ViT block whose patch tokens are the features: -6 = hidden_states[-6]\n"
         "(block 18 of 24), -1 = last block (default)"},
        {"final-norm", "", K::Flag, kFeatures, "ViT: apply the model's final LayerNorm to the tapped tokens"},
        {"l2-normalize", "", K::Flag, kFeatures, "ViT: scale every patch feature to unit length"},
        {"precision", "P", K::Text, kFeatures, "ViT: fp32 (default), bf16, fp16 (CUDA only)"},
        {"preset", "NAME", K::Text, kFeatures,
         "dinov3: 448 px, no crop, layer -6, no norm, no L2;\n"
         "meds: 448 px, centre crop 392, final norm, L2 (explicit options override)"},
        {"resolution", "PX", K::Integer, kFeatures, "square input size (default 224)"},
        {"crop", "PX", K::Integer, kFeatures, "square centre crop after the resize (default 0 = none)"},
        {"k", "K", K::Integer, kEvaluation, "neighbours averaged per patch score (default 5)"},
        {"scale-k", "", K::Flag, kEvaluation,
         "k counts neighbours in the full bank: a compressed bank keeping 1/r of the\n"
         "patches averages max(1, round(K/r)) of its vectors (off by default: every\n"
         "bank averages K, METHODS.md section 2)"},
        {"image-score", "RULE", K::Text, kEvaluation, "p95 (default), max, topk, top1pct"},
        {"smoothing", "SIGMA", K::Number, kEvaluation,
         "Gaussian sigma on the anomaly map in input pixels (default 0 = none)"},
        {"knn", "METHOD", K::Text, kEvaluation,
         "exact kNN of flat and compressed banks: auto (default: bf16 where the CPU\n"
         "has AMX tiles or AVX-512 BF16, else projected for 4,096+ rows of 64+ dims, else blas),\n"
         "blas, projected, bf16, faiss, torch, torch-cuda (leave-one-out thresholds\n"
         "use blas for projected)"},
        {"cache", "DIR", K::Text, kFeatures,
         "feature cache folder (default $PATCHBANK_CACHE_DIR or ~/.cache/patchbank)"},
        {"no-cache", "", K::Flag, kFeatures, "do not read or write cached features"},
        {"threads", "N", K::Integer, with(kFeatures, kBench), "CPU threads (default: all)"},
        {"max-image-pixels", "N", K::Integer, with(kFeatures, {"image check"}),
         "refuse images whose header declares more pixels, before decoding them\n"
         "(default $PATCHBANK_MAX_IMAGE_PIXELS, else 178956970: PIL's decompression-bomb\n"
         "limit)"},
        {"batch", "N", K::Integer, with(kFeatures, {"bench features"}), "images per backbone batch (default 8)"},
        {"max-train", "N", K::Integer, kFeatures, "use only the first N training images"},
        {"device", "cpu|cuda", K::Text, kFeatures, "where the backbone runs (default cpu)"},

        // What the reports show beside the metrics.
        {"review-band", "RULE", K::Text, kReport,
         "Good/Review/Bad verdicts (scores.csv): none (default), normal[:M] = T1 the p99\n"
         "of the training images' leave-one-out scores, T2 their maximum x M (1.1);\n"
         "labels[:E] = T2 the F1 threshold, T1 lets at most E (0.01) of the defects\n"
         "pass; or T1,T2 (bank score: labels or T1,T2)"},
        {"heatmap-scale", "test|normal", K::Text, kReport,
         "colour scale of the heatmap PNGs: test = the test set's range (default);\n"
         "normal = median to p99.9 of the training patches' leave-one-out scores, so\n"
         "colour means the same for every image (not with bank score)"},

        // General.
        {"no-images", "", K::Flag, kReport, "skip the per-image PNGs"},
        {"quiet", "", K::Flag, kFeatures, "no progress output"},
        {"help", "", K::Flag, {"*"}, "this help"},
    };
    // clang-format on
}

std::vector<CommandSpec> buildCommandTable() {
    // clang-format off: one entry per command, as a table
    return {
        {"evaluate", "build a bank from the train split and score the test split",
         "evaluate --data DIR --out DIR [options]",
         "Builds a memory bank from each product's train split, scores its test split and writes\n"
         "metrics.csv, scores.csv, timings.csv and heatmap/overlay/mask PNGs to --out."},
        {"train", "train a reconstruction detector on a product, alone or with MeDS",
         "train --data DIR --product NAME --out MODEL [--meds] [--noise-split FILE] [--validate] [options]",
         "Trains a reconstruction detector (METHODS.md section 6) on the product's train split or on a\n"
         "noisy training list, with LibTorch on cached features: alone, or with MeDS (memory-ensemble\n"
         "screening, distillation, progressive selection). Writes MODEL (resumed when an unfinished\n"
         "one of the same run is there; Ctrl-C stops at a checkpoint) and its loss, validation and\n"
         "selection curves as CSV. Score with 'evaluate --model MODEL'."},
        {"bank build", "compress a product's training patches into one bank file",
         "bank build --data DIR --product NAME --bank SPEC --out FILE [options]",
         "Compresses the product's training patches into one bank file, for bank score and bank add.\n"
         "They must be given the same feature options (backbone, layers, resolution, ...)."},
        {"bank info", "spec, size, compression and the features a bank file was built from", "bank info FILE", "", 1},
        {"bank score", "score a product's test split against a bank file; writes the evaluation report",
         "bank score --bank FILE --data DIR --product NAME --out DIR [options]",
         "Scores the product's test split against the bank file and writes metrics.csv, scores.csv,\n"
         "timings.csv and the per-image PNGs to --out. The feature options must match those the bank\n"
         "was built with; a bank built from other features is refused, naming what differs."},
        {"bank add", "add the patches of more normal images to a bank file without a rebuild",
         "bank add --bank FILE --out FILE IMAGE... [options]",
         "Adds the patches of more normal images to the bank without a rebuild. The feature options\n"
         "must match those the bank was built with.",
         -1},
        {"route", "route test images to products with the prototype router",
         "route --data DIR [--data DIR ...] [--product NAME ...] [--out DIR]",
         "Builds the prototype router (the mean-pooled patch embedding of every product's training\n"
         "images) and routes every test image to the nearest prototype: top-1 accuracy, confusion\n"
         "matrix and margins (second-best minus best distance)."},
        {"sweep", "image AUROC against bank size for every compressor (the budget sweep)",
         "sweep --data DIR --product NAME [--out sweep.csv] [options]",
         "Builds the product's bank with every compressor at every budget (plus the flat bank) from\n"
         "features extracted once, scores the test split against each, and writes one CSV row per\n"
         "bank: method, spec, fraction, vectors, bytes, megabytes, compression_ratio, image_auroc,\n"
         "pixel_auroc, build_seconds, search_seconds (the GUI's budget-sweep export)."},
        {"audit", "rank a product's reference images and flag the defective ones (no labels needed)",
         "audit --data DIR --product NAME [--method imgmax|q99|top5|mean] [--k 1.5] [--meds] [--out DIR]\n"
         "      [--split FILE] [--score-test]",
         "Scores every training (reference) image of the product by its patches' leave-one-out\n"
         "distances to the other references, flags those above median + k x 1.4826 x MAD (at most\n"
         "40%), and writes audit.csv (ranked: score, threshold, flagged, why: the worst patch and\n"
         "its nearest other reference) and, per flagged image, its worst patch and heatmap as PNGs."},
        {"suite list", "the experiment suites shipped (or those in DIR)", "suite list [DIR]",
         "Lists the suite files (JSON) of a folder, default the suites shipped with PatchBank: name,\n"
         "cells, the data sets each names and its source document.",
         1},
        {"suite run", "run a suite's cells into a results log; resumes where it stopped",
         "suite run SUITE.json --data NAME=DIR [--data NAME=DIR ...] --out LOG [--weights FILE]\n"
         "          [--shard I/N] [--cache DIR]",
         "Runs the cells of the suite (of this shard) that the log does not hold yet, appending each\n"
         "row as its cell finishes; a run killed at any moment resumes with nothing lost.",
         1},
        {"suite status", "how many cells of a suite a results log holds", "suite status SUITE.json --out LOG [--shard I/N]", "", 1},
        {"suite summarize", "the paper's tables and figures from a results log",
         "suite summarize SUITE.json LOG --out DIR [--no-figures]",
         "Aggregates the finished cells as the papers do (contamination: seeds per product first,\n"
         "recovery, Wilcoxon, bootstrap CI, Holm; compression: metrics and size per bank spec).\n"
         "Tables as CSV, Markdown and LaTeX; figures as PNG and SVG (in a build with Qt).",
         2},
        {"suite verify", "compare produced tables with the papers' numbers or an earlier run",
         "suite verify TABLES_DIR --reference DIR|EXPECTATIONS.json [--reference-root DIR] [--tolerance X]\n"
         "             [--out DIR]",
         "Compares the tables of `suite summarize` cell by cell: with an earlier run's tables folder,\n"
         "rows match on their text cells and numbers agree within --tolerance; with an expectations\n"
         "file (suites/references/*.json), each check states its number, tolerance and source.\n"
         "Exits with 5 when a number is outside its tolerance or missing.",
         1},
        {"suite merge", "merge shard logs, checking for missing and duplicate cells",
         "suite merge SUITE.json LOG... --out MERGED",
         "Merges the results logs of shards into one and checks it against the suite: every cell\n"
         "once. Exits with 4 when a cell is missing or duplicated.",
         -1},
        {"demo", "generate the embedded synthetic data set and evaluate it",
         "demo [--out DIR] [--data DIR] [--seed N] [options]",
         std::string("Generates the embedded synthetic MVTec-layout data set (into --data, default <out>/data)\n"
                     "and evaluates it with the weights-free '") +
             kDemoBackbone + "' backbone."},
        {"bench knn", "exact kNN throughput: blas, projected, FAISS, LibTorch",
         "bench knn [--bank N] [--dim D] [--queries N,M] [--k K] [--methods a,b]\n"
         "bench knn --vectors BANK.pbbank [--queries N] [--methods blas,projected]",
         "Times exact k-nearest-neighbour search of random vectors, or with --vectors of real\n"
         "features: the file's last rows searched against the rows before them, every method's\n"
         "neighbours compared with the first method's."},
        {"bench features", "backbone feature extraction, images/s",
         "bench features [--backbones a,b] [--resolutions 224,448] [--batch N]",
         "Times the backbones' feature extraction on random images (random weights unless --weights)."},
        {"bench vit", "native ViT vs PyTorch eager, images/s", "bench vit [options]",
         "Times the native ViT forward (DINOv3 architecture, random weights, float32 on the CPU)\n"
         "and the same model in PyTorch eager (bench/vit_pytorch_reference.py) with the same settings."},
        {"bench recon", "reconstruction-detector training, iterations/s, vs PyTorch eager",
         "bench recon [--dim 128] [--groups 32,96] [--blocks 8] [--grid 28] [--batch 16] [options]",
         "Times training steps of the reconstruction detector (the real trainer, random features) and\n"
         "the same model and StableAdamW step in PyTorch eager (bench/recon_pytorch_reference.py),\n"
         "with the same threads, side by side."},
        {"bench patchcore", "kNN and coreset on a product's real features vs the Python PatchCore pipeline",
         "bench patchcore --data DIR [--product bottle] [--k 5] [--methods blas,bf16] [--ratio 0.1]\n"
         "                [--bank-sizes 5000,16000,50000] [feature options]",
         "Extracts (or reads cached) features of a product's train and test images, then times on them,\n"
         "side by side with bench/patchcore_reference.py (numpy GEMM + argmin, PatchCore's greedy\n"
         "coreset in PyTorch; the same BLAS kernel): the greedy coreset at --ratio, and exact kNN of\n"
         "every test patch against the full bank and against coreset banks of --bank-sizes rows.\n"
         "Neighbours are checked against brute force, selections against the reference's."},
        {"bench coreset", "greedy coreset vs the PatchCore reference loop",
         "bench coreset [--n 200000] [--dim 1024] [--ratio 0.1] [--proj 128] [--seed S]\n"
         "              [--data clustered|uniform] [--clusters 200] [--pruned] [--lazy]\n"
         "              [--full] [--torch] [--no-baseline]",
         "Times the greedy coreset selection of the coreset banks on synthetic features against\n"
         "PatchCore's reference loop (LibTorch), and compares the selections."},
        {"bench kmeans", "k-means of the kmeans banks vs dense LibTorch Lloyd",
         "bench kmeans [--n 100000] [--dim 128] [--k n/16] [--iterations 25] [--seed S]\n"
         "             [--data clustered|uniform] [--clusters 200] [--pruned] [--no-baseline]",
         "Times k-means as the kmeans banks run it against dense LibTorch Lloyd from the same seeding\n"
         "draws, and compares their assignments and errors."},
        {"bench ivfpq", "IVF-PQ vs exact kNN throughput and recall",
         "bench ivfpq [--bank 164000] [--dim 128] [--queries 3136] [--k 1] [--nlist 100]\n"
         "            [--m 8] [--nbits 4,8] [--nprobe 1,4,8,16] [--repeats 3] [--data clustered|uniform]",
         "Times IVF-PQ search against exact search on synthetic features: throughput, recall@1\n"
         "and memory."},
        {"models list", "the known models, their licences and whether they are downloaded", "models list [--verbose]",
         "Lists the pretrained backbones PatchBank can download (DINOv3, DINOv2, CLIP), their licences\n"
         "and their state in the models folder (see 'models path')."},
        {"models fetch", "download a model's config.json and model.safetensors from the Hugging Face hub",
         "models fetch NAME [--dir DIR] [--endpoint URL] [--retries N] [--quiet]",
         "Downloads config.json + model.safetensors from the Hugging Face hub; an interrupted\n"
         "download resumes, every file is checked against the size and SHA-256 the hub\n"
         "announces; prints the --backbone/--weights flags to use. Gated models (DINOv3) need\n"
         "their licence accepted on the hub page and an access token in HF_TOKEN.",
         1},
        {"models path", "the folder a model is (or would be) downloaded to", "models path NAME",
         "Prints the folder a model is (or would be) downloaded to: <models folder>/NAME.\n"
         "Models folder: $PATCHBANK_MODELS_DIR, else $XDG_CACHE_HOME/patchbank/models, else\n"
         "~/.cache/patchbank/models.",
         1},
        {"image check", "decode images as PatchBank reads them, or say why they are refused",
         "image check FILE... [--max-image-pixels N]",
         "Decodes each file the way every command reads images (PIL's convert('RGB')) and prints\n"
         "its format, declared size and channels, or the reason it is refused (unknown format,\n"
         "truncated, more pixels than --max-image-pixels). Exit code 1 when any file is refused.",
         -1},
        {"version", "versions of PatchBank and its libraries", "version", ""},
    };
    // clang-format on
}

// The help's lines, each further broken at spaces to at most `width` characters.
std::vector<std::string> wrapped(const std::string& text, std::size_t width) {
    std::vector<std::string> lines;
    std::stringstream paragraphs(text);
    for (std::string line; std::getline(paragraphs, line);) {
        while (line.size() > width) {
            const auto space = line.rfind(' ', width);
            if (space == std::string::npos || space == 0) break;
            lines.push_back(line.substr(0, space));
            line.erase(0, space + 1);
        }
        lines.push_back(line);
    }
    return lines;
}

// "  --name HINT   help", every help line starting in the same column, none past column 100.
std::string optionLines(const std::vector<const OptionSpec*>& options) {
    constexpr std::size_t kColumns = 100;
    std::size_t width = 0;
    auto label = [](const OptionSpec& o) { return "--" + o.name + (o.hint.empty() ? "" : " " + o.hint); };
    for (const auto* o : options) width = std::max(width, label(*o).size());
    const std::size_t column = width + 4;
    std::string out;
    for (const auto* o : options) {
        const std::string l = label(*o);
        out += "  " + l + std::string(column - 2 - l.size(), ' ');
        bool first = true;
        for (const auto& line : wrapped(o->help, kColumns > column + 20 ? kColumns - column : 20)) {
            out += (first ? "" : std::string(column, ' ')) + line + "\n";
            first = false;
        }
    }
    return out;
}

// "usage: patchbank-cli FORM", further forms below the first; a line starting with a space continues
// the form above it.
std::string usageLines(const std::string& usage) {
    const std::string prefix = "patchbank-cli ";
    std::string out;
    std::stringstream forms(usage);
    bool first = true;
    for (std::string form; std::getline(forms, form); first = false) {
        const bool continued = !form.empty() && form[0] == ' ';
        out += std::string(first ? "usage: " : "       ") + (continued ? std::string(prefix.size(), ' ') : prefix) +
               form + "\n";
    }
    return out;
}

}  // namespace

bool OptionSpec::takes(const std::string& command) const {
    return std::find(commands.begin(), commands.end(), command) != commands.end() ||
           std::find(commands.begin(), commands.end(), "*") != commands.end();
}

const std::vector<OptionSpec>& optionTable() {
    static const std::vector<OptionSpec> table = buildOptionTable();
    return table;
}

const std::vector<CommandSpec>& commandTable() {
    static const std::vector<CommandSpec> table = buildCommandTable();
    return table;
}

const CommandSpec* findCommand(const std::string& name) {
    for (const auto& c : commandTable())
        if (c.name == name) return &c;
    return nullptr;
}

std::vector<const OptionSpec*> commandOptions(const std::string& command) {
    std::vector<const OptionSpec*> options;
    for (const auto& o : optionTable())
        if (o.takes(command)) options.push_back(&o);
    return options;
}

const OptionSpec* findOption(const std::string& command, const std::string& name) {
    for (const auto& o : optionTable())
        if (o.name == name && o.takes(command)) return &o;
    return nullptr;
}

std::vector<std::string> subcommands(const std::string& groupName) {
    std::vector<std::string> names;
    for (const auto& c : commandTable())
        if (c.name.size() > groupName.size() && c.name.rfind(groupName + " ", 0) == 0)
            names.push_back(c.name.substr(groupName.size() + 1));
    return names;
}

std::string overviewHelp() {
    std::size_t width = 0;
    for (const auto& c : commandTable()) width = std::max(width, c.name.size());
    std::string out = "usage: patchbank-cli <command> [options]\n\ncommands:\n";
    for (const auto& c : commandTable())
        out += "  " + c.name + std::string(width - c.name.size() + 3, ' ') + c.summary + "\n";
    return out + "\n'patchbank-cli <command> --help' describes a command and its options.\n";
}

std::string groupHelp(const std::string& groupName) {
    const auto names = subcommands(groupName);
    if (names.empty()) throw std::logic_error("no command group '" + groupName + "'");
    std::string out = "usage: patchbank-cli " + groupName + " <" + joined(names, "|") + "> [options]\n\n";
    for (const auto& name : names) {
        const CommandSpec& c = *findCommand(groupName + " " + name);
        std::stringstream forms(c.usage);
        for (std::string form; std::getline(forms, form);) out += "  " + form + "\n";
        out += "      " + c.summary + "\n";
    }
    return out + "\n'patchbank-cli " + groupName + " <command> --help' describes a command and its options.\n";
}

std::string commandHelp(const std::string& command) {
    const CommandSpec* c = findCommand(command);
    if (!c) throw std::logic_error("no command '" + command + "' in the command table");
    std::string out = usageLines(c->usage);
    if (!c->description.empty()) out += "\n" + c->description + "\n";
    return out + "\noptions:\n" + optionLines(commandOptions(command));
}

}  // namespace pb::cli
