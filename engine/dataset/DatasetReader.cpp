#include "engine/dataset/DatasetReader.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <system_error>

#include "engine/util/Error.h"

namespace pb {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool isDir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

bool isFile(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

// Hidden entries (.DS_Store, .git, ._foo) are tool debris, not data: skip them silently.
bool isHidden(const fs::path& p) {
    const auto name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

// Absolute, normalised, without a trailing separator, so that file names and product names are stable.
fs::path cleanPath(const fs::path& p) {
    std::error_code ec;
    fs::path a = fs::absolute(p, ec);
    if (ec) a = p;
    a = a.lexically_normal();
    if (a.filename().empty() && a.has_parent_path() && a != a.root_path()) a = a.parent_path();
    return a;
}

struct Entries {
    std::vector<fs::path> files;
    std::vector<fs::path> dirs;
    std::string error;  // empty when the folder could be read
};

// One folder level, sorted, hidden entries left out.
Entries listFolder(const fs::path& dir) {
    Entries out;
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
        out.error = ec.message();
        return out;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) {
            out.error = ec.message();
            break;
        }
        const fs::path p = it->path();
        if (isHidden(p)) continue;
        std::error_code tec;
        if (it->is_directory(tec))
            out.dirs.push_back(p);
        else
            out.files.push_back(p);
    }
    std::sort(out.files.begin(), out.files.end());
    std::sort(out.dirs.begin(), out.dirs.end());
    return out;
}

// Which product layout a folder has, judged by its split/class folders only.
std::string productLayout(const fs::path& p) {
    if (isDir(p / "train" / "ok") || isDir(p / "test" / "ok") || isDir(p / "test" / "ko")) return "btad";
    if (isDir(p / "validation" / "good") || isDir(p / "test" / "logical_anomalies") ||
        isDir(p / "test" / "structural_anomalies"))
        return "mvtec_loco";
    if (isDir(p / "train" / "good") || isDir(p / "test" / "good")) return "mvtec";
    return {};
}

const char* kVisaCsv = "split_csv/1cls.csv";

bool containsImage(const fs::path& root) {
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        std::error_code tec;
        if (isImageFile(it->path()) && it->is_regular_file(tec)) return true;
    }
    return false;
}

// Collects samples and problems; problems also go to the caller's Progress as they are found.
class Lister {
public:
    Lister(Dataset& ds, const Progress* progress) : ds_(ds), progress_(progress) {}

    void problem(const fs::path& file, const std::string& reason) {
        Problem pr{file.string(), reason};
        ds_.problems.push_back(pr);
        if (progress_) progress_->problem(pr.file, pr.reason);
    }

    void add(Sample s) { ds_.samples.push_back(std::move(s)); }

    // The images of one class folder; other files and nested folders are reported and skipped.
    std::vector<fs::path> images(const fs::path& dir) {
        auto e = listFolder(dir);
        if (!e.error.empty()) problem(dir, "cannot read folder: " + e.error);
        std::vector<fs::path> out;
        for (const auto& f : e.files) {
            if (isImageFile(f))
                out.push_back(f);
            else
                problem(f, "not an image file (png, jpg, jpeg, bmp, tif, tiff), skipped");
        }
        for (const auto& d : e.dirs) problem(d, "unexpected folder inside an image folder, skipped");
        return out;
    }

    // Image files of a mask folder keyed by file stem, listed once per folder.
    const std::map<std::string, fs::path>& masksByStem(const fs::path& dir) {
        auto it = maskCache_.find(dir);
        if (it != maskCache_.end()) return it->second;
        std::map<std::string, fs::path> byStem;
        if (isDir(dir)) {
            for (const auto& f : listFolder(dir).files)
                if (isImageFile(f)) byStem.emplace(f.stem().string(), f);
        }
        return maskCache_.emplace(dir, std::move(byStem)).first->second;
    }

    // MVTec AD / BTAD / LOCO product folder: <split>/<class>/<image>, masks under ground_truth/.
    void readProduct(const fs::path& dir, const std::string& product, const std::string& layout) {
        const bool btad = layout == "btad";
        const bool loco = layout == "mvtec_loco";
        const std::string normalClass = btad ? "ok" : "good";
        std::vector<std::pair<std::string, Split>> splits = {{"train", Split::Train}};
        if (loco) splits.push_back({"validation", Split::Validation});
        splits.push_back({"test", Split::Test});

        for (const auto& [splitName, split] : splits) {
            const fs::path splitDir = dir / splitName;
            const std::size_t before = ds_.samples.size();
            if (!isDir(splitDir)) {
                problem(splitDir, "empty split: the folder is missing");
                continue;
            }
            auto e = listFolder(splitDir);
            if (!e.error.empty()) problem(splitDir, "cannot read folder: " + e.error);
            for (const auto& f : e.files) problem(f, "file outside a class folder (e.g. " + normalClass + "/), skipped");
            for (const auto& classDir : e.dirs) {
                const std::string cls = classDir.filename().string();
                const bool normal = cls == normalClass;
                for (const auto& img : images(classDir)) {
                    Sample s;
                    s.path = img.string();
                    s.product = product;
                    s.split = split;
                    s.defect = normal ? "good" : cls;
                    s.label = normal ? 0 : 1;
                    if (!normal) s.maskPaths = findMasks(dir / "ground_truth" / cls, img, layout);
                    add(std::move(s));
                }
            }
            if (ds_.samples.size() == before) problem(splitDir, "empty split: no images");
        }
    }

    // VisA: split_csv/1cls.csv with object,split,label,image,mask; paths relative to csvRoot.
    void readVisa(const fs::path& csvRoot, const std::string& onlyProduct) {
        const fs::path csv = csvRoot / kVisaCsv;
        std::ifstream in(csv);
        if (!in) throw Error("cannot read the VisA split file", csv.string());
        std::string line;
        if (!std::getline(in, line)) throw Error("the VisA split file is empty", csv.string());
        const auto header = splitCsv(line);
        auto column = [&](const std::string& name) {
            for (std::size_t i = 0; i < header.size(); ++i)
                if (lower(trim(header[i])) == name) return i;
            throw Error("the VisA split file has no '" + name + "' column", csv.string());
        };
        const std::size_t cObject = column("object"), cSplit = column("split"), cLabel = column("label"),
                          cImage = column("image"), cMask = column("mask");
        // The mask column may be cut short on normal rows; the others must be present.
        const std::size_t need = std::max({cObject, cSplit, cLabel, cImage});
        std::set<std::string> products;
        std::size_t lineNo = 1;
        while (std::getline(in, line)) {
            ++lineNo;
            if (trim(line).empty()) continue;
            const auto row = splitCsv(line);
            const std::string where = csv.string() + ":" + std::to_string(lineNo);
            if (row.size() <= need) {
                problem(where, "too few columns, row skipped");
                continue;
            }
            const std::string product = trim(row[cObject]);
            if (!onlyProduct.empty() && product != onlyProduct) continue;
            const std::string splitName = lower(trim(row[cSplit]));
            Split split;
            if (splitName == "train")
                split = Split::Train;
            else if (splitName == "test")
                split = Split::Test;
            else if (splitName == "val" || splitName == "validation")
                split = Split::Validation;
            else {
                problem(where, "unknown split '" + splitName + "', row skipped");
                continue;
            }
            products.insert(product);
            const fs::path img = csvRoot / trim(row[cImage]);
            if (!isImageFile(img)) {
                problem(img, "not an image file (png, jpg, jpeg, bmp, tif, tiff), skipped");
                continue;
            }
            if (!isFile(img)) {
                problem(img, "image listed in " + csv.string() + " is missing, skipped");
                continue;
            }
            Sample s;
            s.path = img.string();
            s.product = product;
            s.split = split;
            const std::string label = lower(trim(row[cLabel]));
            if (label == "normal") {
                s.label = 0;
                s.defect = "good";
            } else if (label == "anomaly") {
                s.label = 1;
                s.defect = "anomaly";
                const std::string maskRel = row.size() > cMask ? trim(row[cMask]) : std::string();
                if (maskRel.empty())
                    problem(img, "anomalous image without a mask in " + csv.string());
                else if (!isFile(csvRoot / maskRel))
                    problem(csvRoot / maskRel, "mask of an anomalous image is missing");
                else
                    s.maskPaths.push_back((csvRoot / maskRel).string());
            } else {
                problem(where, "unknown label '" + label + "' (expected normal or anomaly)");
            }
            add(std::move(s));
        }
        for (const auto& p : products) {
            for (Split split : {Split::Train, Split::Test}) {
                bool any = std::any_of(ds_.samples.begin(), ds_.samples.end(),
                                       [&](const Sample& s) { return s.product == p && s.split == split; });
                if (!any) problem(csv, "empty split: no " + toString(split) + " images of '" + p + "'");
            }
        }
        if (!onlyProduct.empty() && products.empty())
            problem(csv, "no rows for product '" + onlyProduct + "'");
        ds_.products.assign(products.begin(), products.end());
    }

    // Plain folder: every image below it is a test image with an unknown label.
    void readFolder(const fs::path& root, const std::string& product) {
        std::vector<fs::path> pending = {root};
        while (!pending.empty()) {
            const fs::path dir = pending.back();
            pending.pop_back();
            auto e = listFolder(dir);
            if (!e.error.empty()) problem(dir, "cannot read folder: " + e.error);
            for (const auto& f : e.files) {
                if (!isImageFile(f)) {
                    problem(f, "not an image file (png, jpg, jpeg, bmp, tif, tiff), skipped");
                    continue;
                }
                Sample s;
                s.path = f.string();
                s.product = product;
                s.split = Split::Test;
                s.label = -1;
                add(std::move(s));
            }
            pending.insert(pending.end(), e.dirs.rbegin(), e.dirs.rend());
        }
        ds_.products = {product};
    }

private:
    std::vector<std::string> findMasks(const fs::path& gtDir, const fs::path& img, const std::string& layout) {
        const std::string stem = img.stem().string();
        if (layout == "mvtec_loco") {
            // One folder per image, one mask file per annotated region.
            const fs::path folder = gtDir / stem;
            std::vector<std::string> out;
            if (isDir(folder))
                for (const auto& f : listFolder(folder).files)
                    if (isImageFile(f)) out.push_back(f.string());
            if (out.empty()) problem(folder / "000.png", "mask of an anomalous image is missing");
            return out;
        }
        const auto& byStem = masksByStem(gtDir);
        const bool btad = layout == "btad";
        // MVTec names masks <stem>_mask.png, BTAD <stem>.png or .bmp; accept either spelling.
        for (const std::string& key : btad ? std::vector<std::string>{stem, stem + "_mask"}
                                           : std::vector<std::string>{stem + "_mask", stem}) {
            auto it = byStem.find(key);
            if (it != byStem.end()) return {it->second.string()};
        }
        problem(gtDir / (btad ? stem + ".png" : stem + "_mask.png"), "mask of an anomalous image is missing");
        return {};
    }

    static std::string trim(const std::string& s) {
        std::size_t b = 0, e = s.size();
        while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
        while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
        return s.substr(b, e - b);
    }

    // RFC 4180 fields of one line (quotes, doubled quotes); a trailing \r is dropped.
    static std::vector<std::string> splitCsv(const std::string& line) {
        std::vector<std::string> out(1);
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (quoted) {
                if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                    out.back() += '"';
                    ++i;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    out.back() += c;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.emplace_back();
            } else if (c != '\r') {
                out.back() += c;
            }
        }
        return out;
    }

    Dataset& ds_;
    const Progress* progress_;
    std::map<fs::path, std::map<std::string, fs::path>> maskCache_;
};

}  // namespace

bool isImageFile(const fs::path& path) {
    static const std::set<std::string> kExt = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff"};
    return kExt.count(lower(path.extension().string())) > 0;
}

std::string detectLayout(const fs::path& rootIn) {
    const fs::path root = cleanPath(rootIn);
    std::error_code ec;
    if (!fs::exists(root, ec)) throw Error("folder does not exist", root.string());
    if (!fs::is_directory(root, ec)) throw Error("not a folder", root.string());
    auto top = listFolder(root);
    if (!top.error.empty()) throw Error("cannot read folder: " + top.error, root.string());

    if (isFile(root / kVisaCsv)) return "visa";
    if (isFile(root.parent_path() / kVisaCsv)) return "visa";  // one VisA product folder
    if (auto own = productLayout(root); !own.empty()) return own;

    // A data set root: the layout most of its product folders have.
    std::map<std::string, int> votes;
    for (const auto& d : top.dirs)
        if (auto l = productLayout(d); !l.empty()) ++votes[l];
    std::string best;
    int bestVotes = 0;
    for (const auto& [l, n] : votes)
        if (n > bestVotes) best = l, bestVotes = n;
    if (!best.empty()) return best;

    if (containsImage(root)) return "folder";
    throw Error("no recognisable data set layout (MVTec AD, VisA, BTAD, MVTec LOCO) and no images", root.string());
}

Dataset openDataset(const fs::path& rootIn, const Progress* progress) {
    const fs::path root = cleanPath(rootIn);
    Dataset ds;
    ds.root = root.string();
    ds.layout = detectLayout(root);
    Lister lister(ds, progress);

    if (ds.layout == "visa") {
        const bool single = !isFile(root / kVisaCsv);
        if (progress) progress->step("listing " + root.string(), 0, 1);
        lister.readVisa(single ? root.parent_path() : root, single ? root.filename().string() : std::string());
    } else if (ds.layout == "folder") {
        if (progress) progress->step("listing " + root.string(), 0, 1);
        lister.readFolder(root, root.filename().string());
    } else {
        std::vector<fs::path> productDirs;
        if (productLayout(root) == ds.layout) {
            productDirs.push_back(root);
        } else {
            for (const auto& d : listFolder(root).dirs) {
                const auto l = productLayout(d);
                if (l == ds.layout)
                    productDirs.push_back(d);
                else if (!l.empty())
                    lister.problem(d, "skipped: looks like a " + l + " product, the data set is " + ds.layout);
                else
                    lister.problem(d, "skipped: not a product folder (no train/ or test/ class folders)");
            }
        }
        for (std::size_t i = 0; i < productDirs.size(); ++i) {
            const std::string product = productDirs[i].filename().string();
            if (progress) progress->step("listing " + product, i, productDirs.size());
            lister.readProduct(productDirs[i], product, ds.layout);
            ds.products.push_back(product);
        }
        std::sort(ds.products.begin(), ds.products.end());
    }
    if (progress) progress->step("listing", 1, 1);

    std::sort(ds.samples.begin(), ds.samples.end(), [](const Sample& a, const Sample& b) { return a.path < b.path; });
    return ds;
}

}  // namespace pb
