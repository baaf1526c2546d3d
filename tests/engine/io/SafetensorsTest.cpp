#include "engine/io/Safetensors.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <random>

#include "engine/util/Error.h"
#include "tests/engine/TestData.h"

namespace {

std::vector<std::uint8_t> readAll(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeAll(const std::filesystem::path& p, const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// A raw file: little-endian length, the header text as given, then `dataBytes` bytes.
void writeRaw(const std::filesystem::path& p, const std::string& header, std::size_t dataBytes,
              std::uint64_t length = ~0ull) {
    if (length == ~0ull) length = header.size();
    std::vector<std::uint8_t> bytes(8);
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<std::uint8_t>(length >> (8 * i));
    bytes.insert(bytes.end(), header.begin(), header.end());
    bytes.resize(bytes.size() + dataBytes, 0x3f);
    writeAll(p, bytes);
}

// Opening must fail with a pb::Error that names the file and whose reason mentions `needle`.
void expectOpenError(const std::filesystem::path& p, const std::string& needle) {
    try {
        pb::SafetensorsFile::open(p);
        FAIL() << "no error for " << p << " (expected one about '" << needle << "')";
    } catch (const pb::Error& e) {
        EXPECT_EQ(e.file(), p.string());
        EXPECT_NE(std::string(e.what()).find(p.string()), std::string::npos) << e.what();
        EXPECT_NE(e.reason().find(needle), std::string::npos) << "reason: " << e.reason() << " (wanted " << needle << ")";
    }
}

}  // namespace

TEST(SafetensorsTest, DTypeNamesAndSizes) {
    using pb::DType;
    const std::vector<std::pair<DType, std::size_t>> all = {{DType::F64, 8}, {DType::F32, 4}, {DType::F16, 2},
                                                            {DType::BF16, 2}, {DType::I64, 8}, {DType::I32, 4},
                                                            {DType::I16, 2}, {DType::I8, 1},  {DType::U8, 1},
                                                            {DType::Bool, 1}};
    for (auto [d, size] : all) {
        EXPECT_EQ(pb::dtypeSize(d), size);
        DType back{};
        ASSERT_TRUE(pb::parseDType(pb::toString(d), back));
        EXPECT_EQ(back, d);
    }
    EXPECT_EQ(pb::toString(DType::Bool), "BOOL");
    DType d{};
    EXPECT_FALSE(pb::parseDType("F8_E4M3", d));
}

TEST(SafetensorsTest, HalfAndBFloat16Conversion) {
    EXPECT_EQ(pb::halfToFloat(0x3c00), 1.0f);
    EXPECT_EQ(pb::halfToFloat(0xc100), -2.5f);
    EXPECT_EQ(pb::halfToFloat(0x7bff), 65504.0f);
    EXPECT_EQ(pb::halfToFloat(0x0001), std::ldexp(1.0f, -24));  // smallest subnormal
    EXPECT_EQ(pb::halfToFloat(0x03ff), 1023.0f * std::ldexp(1.0f, -24));  // largest subnormal
    EXPECT_EQ(pb::halfToFloat(0x8000), -0.0f);
    EXPECT_TRUE(std::isinf(pb::halfToFloat(0x7c00)));
    EXPECT_TRUE(std::isnan(pb::halfToFloat(0x7e00)));
    EXPECT_EQ(pb::bfloat16ToFloat(0x3f80), 1.0f);
    EXPECT_EQ(pb::bfloat16ToFloat(0xc020), -2.5f);
}

TEST(SafetensorsTest, RoundTripSeveralDTypes) {
    const auto dir = pb::test::scratchDir("safetensors-roundtrip");
    const std::vector<float> f32 = {1.5f, -2.25f, 3.0f, 0.0f, 1e-20f, -7.0f};
    const std::vector<double> f64 = {0.1, -1e300};
    const std::vector<std::uint16_t> f16 = {0x3c00, 0xc100, 0x0001};      // 1, -2.5, 2^-24
    const std::vector<std::uint16_t> bf16 = {0x3f80, 0xc020};              // 1, -2.5
    const std::vector<int64_t> i64 = {-(1ll << 62), 0, 42};
    const std::vector<int32_t> i32 = {-5, 7};
    const std::vector<int16_t> i16 = {-300};
    const std::vector<int8_t> i8 = {-128, 127, 0};
    const std::vector<std::uint8_t> u8 = {0, 255, 9, 10, 11};
    const std::vector<std::uint8_t> b = {1, 0, 1};

    pb::SafetensorsWriter w;
    w.addFloat32("float.matrix", {2, 3}, f32.data());
    w.add("double", pb::DType::F64, {2}, f64.data(), 16);
    w.add("half", pb::DType::F16, {3}, f16.data(), 6);
    w.add("brain", pb::DType::BF16, {1, 2}, bf16.data(), 4);
    w.add("i64", pb::DType::I64, {3}, i64.data(), 24);
    w.add("i32", pb::DType::I32, {2, 1}, i32.data(), 8);
    w.add("scalar.i16", pb::DType::I16, {}, i16.data(), 2);
    w.add("i8", pb::DType::I8, {3}, i8.data(), 3);
    w.add("u8", pb::DType::U8, {5}, u8.data(), 5);
    w.add("mask", pb::DType::Bool, {3}, b.data(), 3);
    w.add("empty", pb::DType::F32, {0, 4}, nullptr, 0);
    w.setMetadata("format", "pt");
    w.setMetadata("quote \"and\" \\ slash\n", "tab\tü");
    const auto path = dir / "all.safetensors";
    w.save(path);

    // Header padded to 8 bytes like the official writer, and no temporary file left behind.
    const auto raw = readAll(path);
    std::uint64_t headerLen = 0;
    for (int i = 7; i >= 0; --i) headerLen = (headerLen << 8) | raw[i];
    EXPECT_EQ(headerLen % 8, 0u);
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}), 1);

    const auto f = pb::SafetensorsFile::open(path);
    EXPECT_EQ(f.path(), path);
    EXPECT_EQ(f.tensors().size(), 11u);
    EXPECT_EQ(f.metadata().at("format"), "pt");
    EXPECT_EQ(f.metadata().at("quote \"and\" \\ slash\n"), "tab\tü");
    for (const auto& t : f.tensors()) EXPECT_EQ(t.offset % pb::dtypeSize(t.dtype), 0u) << t.name << " unaligned";

    EXPECT_EQ(f.info("float.matrix").shape, (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(f.toFloat32("float.matrix"), f32);
    const auto dbl = f.toFloat32("double");
    EXPECT_EQ(dbl[0], 0.1f);
    EXPECT_TRUE(std::isinf(dbl[1]));
    EXPECT_EQ(f.toFloat32("half"), (std::vector<float>{1.0f, -2.5f, std::ldexp(1.0f, -24)}));
    EXPECT_EQ(f.toFloat32("brain"), (std::vector<float>{1.0f, -2.5f}));

    auto check = [&](const std::string& name, pb::DType dtype, const void* expected, std::size_t bytes) {
        ASSERT_TRUE(f.contains(name));
        EXPECT_EQ(f.info(name).dtype, dtype) << name;
        EXPECT_EQ(f.info(name).bytes, bytes) << name;
        EXPECT_EQ(std::memcmp(f.data(name), expected, bytes), 0) << name;
    };
    check("i64", pb::DType::I64, i64.data(), 24);
    check("i32", pb::DType::I32, i32.data(), 8);
    check("i8", pb::DType::I8, i8.data(), 3);
    check("u8", pb::DType::U8, u8.data(), 5);
    check("mask", pb::DType::Bool, b.data(), 3);
    check("scalar.i16", pb::DType::I16, i16.data(), 2);
    EXPECT_TRUE(f.info("scalar.i16").shape.empty());
    EXPECT_EQ(f.info("scalar.i16").numel(), 1u);
    EXPECT_EQ(f.info("empty").numel(), 0u);
    EXPECT_TRUE(f.toFloat32("empty").empty());

    // Missing tensors and non-float conversions name the tensor and the file.
    try {
        f.info("nope");
        FAIL();
    } catch (const pb::Error& e) {
        EXPECT_EQ(e.file(), path.string());
        EXPECT_NE(e.reason().find("nope"), std::string::npos);
    }
    try {
        f.toFloat32("u8");
        FAIL();
    } catch (const pb::Error& e) {
        EXPECT_NE(e.reason().find("u8"), std::string::npos);
        EXPECT_NE(e.reason().find("U8"), std::string::npos);
    }
}

TEST(SafetensorsTest, WriterRejectsBadInput) {
    pb::SafetensorsWriter w;
    const float x[4] = {};
    EXPECT_THROW(w.add("a", pb::DType::F32, {2, 2}, x, 12), pb::Error);  // wrong byte count
    EXPECT_THROW(w.add("__metadata__", pb::DType::F32, {1}, x, 4), pb::Error);
    EXPECT_THROW(w.add("", pb::DType::F32, {1}, x, 4), pb::Error);
    w.add("a", pb::DType::F32, {4}, x, 16);
    EXPECT_THROW(w.add("a", pb::DType::F32, {4}, x, 16), pb::Error);  // duplicate
    const auto dir = pb::test::scratchDir("safetensors-badwrite");
    EXPECT_THROW(w.save(dir / "missing-folder" / "x.safetensors"), pb::Error);
}

TEST(SafetensorsTest, EmptyFileWithNoTensors) {
    const auto dir = pb::test::scratchDir("safetensors-empty");
    pb::SafetensorsWriter().save(dir / "e.safetensors");
    const auto f = pb::SafetensorsFile::open(dir / "e.safetensors");
    EXPECT_TRUE(f.tensors().empty());
    EXPECT_TRUE(f.metadata().empty());
}

TEST(SafetensorsTest, MalformedFilesGiveErrorsNamingTheFile) {
    const auto dir = pb::test::scratchDir("safetensors-malformed");
    const std::string good = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
    writeRaw(dir / "good.safetensors", good, 8);
    EXPECT_NO_THROW(pb::SafetensorsFile::open(dir / "good.safetensors"));

    expectOpenError(dir / "does-not-exist.safetensors", "cannot open");
    writeRaw(dir / "empty.safetensors", "", 0, 0);
    std::filesystem::resize_file(dir / "empty.safetensors", 0);
    expectOpenError(dir / "empty.safetensors", "truncated");

    // Truncated anywhere: inside the length, inside the header, inside the data.
    const auto full = readAll(dir / "good.safetensors");
    for (std::size_t cut : {std::size_t{3}, std::size_t{8}, std::size_t{20}, full.size() - 1}) {
        const auto p = dir / ("cut" + std::to_string(cut) + ".safetensors");
        writeAll(p, std::vector<std::uint8_t>(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(cut)));
        try {
            pb::SafetensorsFile::open(p);
            FAIL() << "no error for a file cut to " << cut << " bytes";
        } catch (const pb::Error& e) {
            EXPECT_EQ(e.file(), p.string());
        }
    }
    // Cut inside the data: the offsets now run past the end.
    expectOpenError(dir / ("cut" + std::to_string(full.size() - 1) + ".safetensors"), "past the data section");

    writeRaw(dir / "hugelen.safetensors", good, 8, 1ull << 62);
    expectOpenError(dir / "hugelen.safetensors", "bad header length");
    writeRaw(dir / "longlen.safetensors", good, 8, good.size() + 100);
    expectOpenError(dir / "longlen.safetensors", "bad header length");
    writeRaw(dir / "notjson.safetensors", "PK\x03\x04 zip file", 0);
    expectOpenError(dir / "notjson.safetensors", "not a safetensors file");

    writeRaw(dir / "badjson1.safetensors", R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]})", 8);
    expectOpenError(dir / "badjson1.safetensors", "malformed JSON");
    writeRaw(dir / "badjson2.safetensors", R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8],}})", 8);
    expectOpenError(dir / "badjson2.safetensors", "malformed JSON");
    writeRaw(dir / "badjson3.safetensors", R"({"a":{"dtype":"F32\u12","shape":[2],"data_offsets":[0,8]}})", 8);
    expectOpenError(dir / "badjson3.safetensors", "malformed JSON");
    writeRaw(dir / "dupkey.safetensors",
             R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
             8);
    expectOpenError(dir / "dupkey.safetensors", "duplicate key");
    writeRaw(dir / "deep.safetensors", std::string(1, '{') + "\"x\":" + std::string(5000, '[') , 0);
    expectOpenError(dir / "deep.safetensors", "malformed JSON");

    writeRaw(dir / "range.safetensors", R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}})", 8);
    expectOpenError(dir / "range.safetensors", "past the data section");
    writeRaw(dir / "reversed.safetensors", R"({"a":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}})", 8);
    expectOpenError(dir / "reversed.safetensors", "reversed");
    writeRaw(dir / "negative.safetensors", R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[-8,0]}})", 8);
    expectOpenError(dir / "negative.safetensors", "data_offsets");
    writeRaw(dir / "hugeoff.safetensors",
             R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[18446744073709551615,99999999999999999999]}})", 8);
    expectOpenError(dir / "hugeoff.safetensors", "data_offsets");
    writeRaw(dir / "overlap.safetensors",
             R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
             12);
    expectOpenError(dir / "overlap.safetensors", "overlaps");
    writeRaw(dir / "gap.safetensors",
             R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})",
             12);
    expectOpenError(dir / "gap.safetensors", "gap");
    writeRaw(dir / "trailing.safetensors", good, 12);
    expectOpenError(dir / "trailing.safetensors", "trailing bytes");
    writeRaw(dir / "dtype.safetensors", R"({"a":{"dtype":"Q4_K","shape":[2],"data_offsets":[0,8]}})", 8);
    expectOpenError(dir / "dtype.safetensors", "unknown dtype Q4_K");
    writeRaw(dir / "shape.safetensors", R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8);
    expectOpenError(dir / "shape.safetensors", "does not match");
    // A shape whose element count overflows 64 bits must not wrap around to a small size.
    writeRaw(dir / "overflow.safetensors",
             R"({"a":{"dtype":"F32","shape":[4294967296,4294967296,4],"data_offsets":[0,0]}})", 0);
    expectOpenError(dir / "overflow.safetensors", "too large");
    writeRaw(dir / "fraction.safetensors", R"({"a":{"dtype":"F32","shape":[2.0],"data_offsets":[0,8]}})", 8);
    expectOpenError(dir / "fraction.safetensors", "non-negative integers");
    writeRaw(dir / "missing.safetensors", R"({"a":{"dtype":"F32","shape":[2]}})", 8);
    expectOpenError(dir / "missing.safetensors", "data_offsets");
    writeRaw(dir / "meta.safetensors", R"({"__metadata__":{"n":3}})", 0);
    expectOpenError(dir / "meta.safetensors", "__metadata__");
    expectOpenError(dir, "not a regular file");
}

// Random corruption of a valid file: every outcome is a clean open or a pb::Error.
TEST(SafetensorsTest, RandomCorruptionNeverCrashes) {
    const auto dir = pb::test::scratchDir("safetensors-fuzz");
    pb::SafetensorsWriter w;
    const std::vector<float> x(6, 1.0f);
    const std::vector<std::uint16_t> h(4, 0x3c00);
    w.addFloat32("weights.0", {2, 3}, x.data());
    w.add("h", pb::DType::F16, {2, 2}, h.data(), 8);
    w.setMetadata("format", "pt");
    w.save(dir / "base.safetensors");
    const auto base = readAll(dir / "base.safetensors");

    std::mt19937 rng(7);
    int opened = 0, rejected = 0;
    const auto p = dir / "mutant.safetensors";
    for (int round = 0; round < 400; ++round) {
        auto bytes = base;
        const int edits = 1 + static_cast<int>(rng() % 3);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = rng() % bytes.size();
            switch (rng() % 4) {
            case 0: bytes[at] = static_cast<std::uint8_t>(rng()); break;
            case 1: bytes[at] = static_cast<std::uint8_t>("{}[]\",:0123456789-e."[rng() % 20]); break;
            case 2: bytes.resize(at); break;
            default: bytes.insert(bytes.begin() + static_cast<std::ptrdiff_t>(at), static_cast<std::uint8_t>(rng())); break;
            }
            if (bytes.empty()) break;
        }
        writeAll(p, bytes);
        try {
            const auto f = pb::SafetensorsFile::open(p);
            for (const auto& t : f.tensors()) {
                if (t.dtype == pb::DType::F32 || t.dtype == pb::DType::F16) EXPECT_EQ(f.toFloat32(t.name).size(), t.numel());
            }
            ++opened;
        } catch (const pb::Error& e) {
            EXPECT_EQ(e.file(), p.string());
            ++rejected;
        }
    }
    EXPECT_GT(rejected, 0);
    EXPECT_GT(opened, 0);  // edits inside the tensor data keep the file valid
}

TEST(SafetensorsTest, ReadsTheFixtureFiles) {
    PB_REQUIRE_SHARED();
    const auto shared = pb::test::sharedDir();

    const auto timm = pb::SafetensorsFile::open(shared / "fixtures/mobilenetv2_timm/expected.safetensors");
    ASSERT_EQ(timm.tensors().size(), 7u);
    EXPECT_EQ(timm.info("input").shape, (std::vector<int64_t>{1, 3, 224, 224}));
    EXPECT_EQ(timm.info("logits").shape, (std::vector<int64_t>{1, 1000}));
    EXPECT_EQ(timm.info("stage.4").shape, (std::vector<int64_t>{1, 320, 7, 7}));
    EXPECT_EQ(timm.toFloat32("stage.0").size(), 16u * 112 * 112);
    EXPECT_EQ(timm.metadata().at("weights"), "mobilenetv2_100_imagenet_from_int8.safetensors");

    const auto q = pb::SafetensorsFile::open(shared / "fixtures/mobilenet_v2/expected.safetensors");
    ASSERT_EQ(q.tensors().size(), 4u);
    EXPECT_EQ(q.info("features.13").shape, (std::vector<int64_t>{1, 96, 14, 14}));
    EXPECT_EQ(q.metadata().at("quant_engine"), "qnnpack");
    // The int8 model's logits are multiples of the output scale (README).
    const auto logits = q.toFloat32("logits");
    ASSERT_EQ(logits.size(), 1000u);
    for (float v : logits) {
        const double steps = v / 0.15309934318065643;
        EXPECT_NEAR(steps, std::round(steps), 1e-3);
    }
    // Both fixtures hold the bit-identical input.
    EXPECT_EQ(q.toFloat32("input"), timm.toFloat32("input"));

    const auto w = pb::SafetensorsFile::open(shared / "weights/mobilenetv2_100_imagenet_from_int8.safetensors");
    EXPECT_EQ(w.tensors().size(), 314u);
    std::size_t f32 = 0, i64 = 0;
    for (const auto& t : w.tensors()) {
        if (t.dtype == pb::DType::F32) ++f32;
        if (t.dtype == pb::DType::I64) ++i64;
    }
    EXPECT_EQ(f32, 262u);
    EXPECT_EQ(i64, 52u);
    EXPECT_EQ(w.metadata().at("format"), "pt");
    EXPECT_EQ(w.tensors().front().name, "conv_stem.weight");
}
