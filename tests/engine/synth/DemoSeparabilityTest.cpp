// The demo data set must be solvable by the demo pipeline (descriptors backbone, full kNN bank
// of train/good, k=5 patch scores, P95 order statistic) with image AUROC >= 0.95 per product.
// This test runs that pipeline in plain C++ so the generator can be tuned independently of it.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <map>

#include "engine/backbone/DescriptorBackbone.h"
#include "engine/dataset/DatasetReader.h"
#include "engine/image/ImageDecoder.h"
#include "engine/image/Preprocessor.h"
#include "engine/synth/DemoDatasetGenerator.h"
#include "tests/engine/TestData.h"

namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

RowMatrix features(const std::vector<pb::Sample>& samples) {
    pb::Preprocessor pre;
    pb::DescriptorBackbone backbone;
    std::vector<pb::FloatImage> batch;
    for (const auto& s : samples) batch.push_back(pre(pb::decodeImageRgb(s.path)));
    const auto grids = backbone.extract(batch);
    const std::size_t per = grids.at(0).patches();
    const int dim = grids[0].dim;
    RowMatrix m(static_cast<Eigen::Index>(per * grids.size()), dim);
    for (std::size_t i = 0; i < grids.size(); ++i)
        std::copy(grids[i].data.begin(), grids[i].data.end(), m.data() + i * per * dim);
    return m;
}

// Image score: P95 order statistic of the k=5 mean nearest-neighbour distances of its patches.
// `dots` is scratch space reused between calls (a fresh 60 MB product per image costs page faults).
double imageScore(const RowMatrix& bank, const Eigen::VectorXf& bankNorms, const RowMatrix& patches, RowMatrix& dots) {
    constexpr int k = 5;
    const Eigen::VectorXf qNorms = patches.rowwise().squaredNorm();
    dots.resize(patches.rows(), bank.rows());
    dots.noalias() = patches * bank.transpose();
    std::vector<double> scores(patches.rows());
    for (Eigen::Index q = 0; q < patches.rows(); ++q) {
        float best[k];
        std::fill(best, best + k, std::numeric_limits<float>::max());
        const float* row = dots.data() + q * dots.cols();
        for (Eigen::Index b = 0; b < bank.rows(); ++b) {
            const float d = qNorms[q] + bankNorms[b] - 2.0f * row[b];
            if (d < best[k - 1]) {
                int j = k - 1;
                while (j > 0 && best[j - 1] > d) {
                    best[j] = best[j - 1];
                    --j;
                }
                best[j] = d;
            }
        }
        double sum = 0;
        for (float d : best) sum += std::sqrt(std::max(0.0f, d));
        scores[q] = sum / k;
    }
    std::sort(scores.begin(), scores.end());
    const auto idx = static_cast<std::size_t>(std::ceil(0.95 * scores.size())) - 1;
    return scores[idx];
}

// Mann-Whitney: probability that an anomalous score beats a normal one, ties counting half.
double auroc(const std::vector<double>& normal, const std::vector<double>& anomalous) {
    double wins = 0;
    for (double a : anomalous)
        for (double n : normal) wins += a > n ? 1.0 : (a == n ? 0.5 : 0.0);
    return wins / (static_cast<double>(normal.size()) * anomalous.size());
}

}  // namespace

TEST(DemoSeparability, DescriptorKnnSeparatesEveryProduct) {
    using Clock = std::chrono::steady_clock;
    const auto root = pb::test::scratchDir("demo-separability");
    const auto t0 = Clock::now();
    pb::generateDemoDataset(root);
    const auto t1 = Clock::now();
    const pb::Dataset ds = pb::openDataset(root);
    ASSERT_EQ(ds.products, pb::demoProducts());

    for (const auto& product : ds.products) {
        const auto train = ds.select(product, pb::Split::Train);
        const auto test = ds.select(product, pb::Split::Test);
        const RowMatrix bank = features(train);
        const Eigen::VectorXf bankNorms = bank.rowwise().squaredNorm();
        std::vector<double> normal;
        std::map<std::string, std::vector<double>> byDefect;
        RowMatrix dots;
        for (const auto& s : test) {
            const double score = imageScore(bank, bankNorms, features({s}), dots);
            (s.label == 0 ? normal : byDefect[s.defect]).push_back(score);
        }
        std::vector<double> anomalous;
        std::cout << "[ demo     ] " << product;
        for (const auto& [defect, scores] : byDefect) {
            anomalous.insert(anomalous.end(), scores.begin(), scores.end());
            std::cout << "  " << defect << " " << auroc(normal, scores);
        }
        const double a = auroc(normal, anomalous);
        std::cout << "  => image AUROC " << a << "\n";
        EXPECT_GE(a, 0.95) << product;
    }
    const auto t2 = Clock::now();
    std::cout << "[ demo     ] generation " << std::chrono::duration<double>(t1 - t0).count() << " s, features+kNN "
              << std::chrono::duration<double>(t2 - t1).count() << " s\n";
    std::filesystem::remove_all(root);
}
