// Writes the safetensors seeds of the fuzz corpus with PatchBank's own writers, so that they are what
// the readers meet in practice: `patchbank_fuzz_seeds fuzz/corpus`.
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <vector>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "engine/bank/BankFileWriter.h"
#include "engine/bank/BankSupport.h"
#include "engine/features/FeatureCache.h"
#include "engine/io/Safetensors.h"
#include "engine/routing/PrototypeRouter.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: patchbank_fuzz_seeds <corpus folder>\n";
        return 2;
    }
    const fs::path corpus = argv[1];
    for (const char* d : {"safetensors", "bank", "feature_cache", "router"}) fs::create_directories(corpus / d);

    // Weights: one tensor of each dtype, some of them empty or scalar.
    {
        pb::SafetensorsWriter w;
        const std::vector<float> f = {1.0f, -2.5f, 0.0f, 3.25f, 1e-3f, 7.0f};
        w.addFloat32("blocks.0.weight", {2, 3}, f.data());
        const std::uint16_t half[2] = {0x3c00, 0x0001};
        w.add("blocks.0.bias", pb::DType::F16, {2}, half, sizeof half);
        const std::uint16_t bf[2] = {0x3f80, 0xff80};
        w.add("norm.weight", pb::DType::BF16, {2}, bf, sizeof bf);
        const double d = 0.5;
        w.add("scale", pb::DType::F64, {}, &d, sizeof d);
        const std::int64_t i64[2] = {-1, 1};
        w.add("position_ids", pb::DType::I64, {1, 2}, i64, sizeof i64);
        w.add("empty", pb::DType::I32, {0, 4}, nullptr, 0);
        const std::uint8_t b[3] = {0, 1, 1};
        w.add("mask", pb::DType::Bool, {3}, b, sizeof b);
        w.setMetadata("format", "pt");
        w.save(corpus / "safetensors" / "weights.safetensors");
        pb::SafetensorsWriter one;
        one.addFloat32("w", {1}, f.data());
        one.save(corpus / "safetensors" / "single.safetensors");
    }
    // A feature-cache entry under the key feature_cache_fuzzer.cpp looks up.
    {
        const std::string key = "ab0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";
        const fs::path dir = corpus / "feature_cache" / "tmp";
        pb::FeatureCache cache(dir);
        pb::FeatureCache::Entry e;
        e.grid.height = 2;
        e.grid.width = 2;
        e.grid.dim = 3;
        e.grid.data = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        e.originalWidth = 64;
        e.originalHeight = 48;
        cache.store(key, e);
        fs::rename(dir / key.substr(0, 2) / (key + ".safetensors"), corpus / "feature_cache" / "entry.safetensors");
        fs::remove_all(dir);
    }
    // A flat memory bank as writeBank (engine/bank/MemoryBank.cpp) writes it, checksum included.
    {
        pb::BankFileWriter out;
        const std::vector<float> vectors = {0.5f, 1.5f, -1.0f, 2.0f, 0.0f, 4.0f};
        out.addTensor("vectors", pb::DType::F32, {3, 2}, vectors.data(), vectors.size() * sizeof(float));
        pb::bank::saveRows(out, pb::bank::RowData{{0, 0, 1}, {0, 2, 5}, 6, 1, 0.5});
        out.setMetadata("format", "patchbank-bank");
        out.setMetadata("version", "1");
        out.setMetadata("spec", "coreset:0.5");
        out.setMetadata("dim", "2");
        out.setMetadata("backbone", "wide_resnet50_2 weights= config= layers=layer2,layer3 norm=0 l2=0");
        out.setMetadata("layers", "layer2,layer3");
        out.setMetadata("resolution", "256");
        out.setMetadata("crop", "224");
        out.setMetadata("tag_names", nlohmann::json(std::vector<std::string>{"bottle", "cable"}).dump());
        out.save(corpus / "bank" / "flat.safetensors");
    }
    // A router of two products.
    {
        pb::PrototypeRouter router(pb::RouterMetric::Cosine);
        router.addProduct("bottle", {{1.0f, 0.0f, 2.0f}, {3.0f, 1.0f, 0.0f}});
        router.addProduct("cable", {{0.0f, 1.0f, 1.0f}});
        router.save(corpus / "router" / "router.safetensors");
    }
    // Small images in the formats PNG and JPEG seeds (copied from tests/data/images) do not cover.
    {
        fs::create_directories(corpus / "image");
        cv::Mat colour(6, 8, CV_8UC3), grey(5, 7, CV_8U), deep(4, 4, CV_16UC3);
        for (int y = 0; y < colour.rows; ++y)
            for (int x = 0; x < colour.cols; ++x) colour.at<cv::Vec3b>(y, x) = cv::Vec3b(x * 30, y * 40, 200 - x * y);
        for (int y = 0; y < grey.rows; ++y)
            for (int x = 0; x < grey.cols; ++x) grey.at<std::uint8_t>(y, x) = static_cast<std::uint8_t>((x + y) * 20);
        for (int y = 0; y < deep.rows; ++y)
            for (int x = 0; x < deep.cols; ++x) deep.at<cv::Vec3w>(y, x) = cv::Vec3w(x * 9000, y * 9000, 65535);
        cv::imwrite((corpus / "image" / "colour.bmp").string(), colour);
        cv::imwrite((corpus / "image" / "grey.bmp").string(), grey);
        cv::imwrite((corpus / "image" / "colour.tiff").string(), colour);
        cv::imwrite((corpus / "image" / "deep16.tiff").string(), deep);
        cv::imwrite((corpus / "image" / "lossless.webp").string(), colour, {cv::IMWRITE_WEBP_QUALITY, 101});
        cv::imwrite((corpus / "image" / "lossy.webp").string(), colour, {cv::IMWRITE_WEBP_QUALITY, 50});
        cv::imwrite((corpus / "image" / "colour.ppm").string(), colour);
        cv::imwrite((corpus / "image" / "grey.pgm").string(), grey);
        cv::imwrite((corpus / "image" / "progressive.jpg").string(), colour, {cv::IMWRITE_JPEG_PROGRESSIVE, 1});
        cv::imwrite((corpus / "image" / "mask.png").string(), grey > 60);
    }
    return 0;
}
