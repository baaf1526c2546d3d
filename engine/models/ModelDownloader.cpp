#include "engine/models/ModelDownloader.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/io/AtomicFile.h"
#include "engine/util/Error.h"
#include "engine/util/Sha256.h"
#include "engine/util/Version.h"

namespace pb {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::int64_t kUnknown = -1;

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

bool isHex64(const std::string& s) {
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

std::int64_t parseInt(const std::string& s) {
    if (s.empty() || !std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return kUnknown;
    try {
        return static_cast<std::int64_t>(std::stoll(s));
    } catch (...) {
        return kUnknown;
    }
}

// Percent-encodes everything but unreserved characters; '/' too when keepSlash is false
// (a revision such as refs/pr/1 is one path segment on the hub).
std::string urlEncode(const std::string& s, bool keepSlash) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string humanBytes(std::int64_t bytes) {
    char buffer[64];
    if (bytes < 0) return "an unknown size";
    if (bytes < 1024 * 1024) std::snprintf(buffer, sizeof buffer, "%lld bytes", static_cast<long long>(bytes));
    else std::snprintf(buffer, sizeof buffer, "%.1f MiB", bytes / (1024.0 * 1024.0));
    return buffer;
}

void globalInit() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::uint64_t fileSize(const std::filesystem::path& p) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(p, ec);
    return ec ? 0 : static_cast<std::uint64_t>(size);
}

// What one request (with its redirects) told us and what it wrote.
struct Transfer {
    // Set up before the request.
    std::filesystem::path part;
    std::uint64_t offset = 0;  // bytes already in .part; asked for with Range when > 0
    const Progress* progress = nullptr;
    std::string stage;

    // Headers. The per-response ones are reset at every status line of the redirect chain; the
    // X-Linked ones come from the hub's own (redirect) response and are kept across the chain.
    long status = 0;
    std::int64_t contentLength = kUnknown;
    std::int64_t rangeStart = kUnknown;
    std::int64_t rangeTotal = kUnknown;
    std::string etagSha256;
    std::string linkedSha256;
    std::int64_t linkedSize = kUnknown;

    // Body.
    FILE* out = nullptr;
    bool bodyStarted = false;
    bool restartedFromZero = false;  // the server ignored the Range and sent everything (200)
    bool appended = false;           // the server honoured the Range (206)
    bool badRange = false;           // 206 for another start than asked for
    std::uint64_t partBytes = 0;     // size of .part now
    std::uint64_t received = 0;      // body bytes of this request written to .part
    std::string errorBody;           // start of the body of a non-2xx answer, for messages
    std::string ioError;
    bool cancelled = false;
    std::exception_ptr callbackError;  // thrown by a progress callback; rethrown after curl returns
    Clock::time_point lastReport{};

    std::int64_t expectedSize() const {
        if (linkedSize >= 0) return linkedSize;
        if (status == 206 && rangeTotal >= 0) return rangeTotal;
        if (status == 200 && contentLength >= 0) return contentLength;
        return kUnknown;
    }

    void report(bool force) {
        if (!progress || !progress->onStep) return;
        const auto now = Clock::now();
        if (!force && now - lastReport < std::chrono::milliseconds(100)) return;
        lastReport = now;
        const std::int64_t total = expectedSize();
        try {
            progress->onStep(stage, static_cast<std::size_t>(partBytes),
                             static_cast<std::size_t>(total >= 0 ? total : 0));
        } catch (...) {
            if (!callbackError) callbackError = std::current_exception();
        }
    }

    bool shouldStop() {
        if (callbackError) return true;
        if (progress && progress->cancel.cancelled()) cancelled = true;
        return cancelled;
    }
};

void parseContentRange(const std::string& value, Transfer& t) {
    // "bytes 100-999/1000" or, on 416, "bytes */1000".
    std::string v = trim(value);
    if (lower(v.substr(0, 6)) == "bytes ") v = trim(v.substr(6));
    const auto slash = v.find('/');
    if (slash == std::string::npos) return;
    t.rangeTotal = parseInt(v.substr(slash + 1));
    const auto dash = v.find('-');
    if (dash != std::string::npos && dash < slash) t.rangeStart = parseInt(v.substr(0, dash));
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const size_t n = size * count;
    const std::string line(data, n);
    if (line.compare(0, 5, "HTTP/") == 0) {
        const auto space = line.find(' ');
        t.status = space == std::string::npos ? 0 : std::atol(line.c_str() + space + 1);
        t.contentLength = t.rangeStart = t.rangeTotal = kUnknown;
        return n;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos) return n;
    const std::string name = lower(trim(line.substr(0, colon)));
    const std::string value = trim(line.substr(colon + 1));
    if (name == "content-length") {
        t.contentLength = parseInt(value);
    } else if (name == "content-range") {
        parseContentRange(value, t);
    } else if (name == "x-linked-etag") {
        if (t.linkedSha256.empty()) t.linkedSha256 = ModelDownloader::sha256FromEtag(value);
    } else if (name == "x-linked-size") {
        if (t.linkedSize < 0) t.linkedSize = parseInt(value);
    } else if (name == "etag") {
        const std::string sha = ModelDownloader::sha256FromEtag(value);
        if (!sha.empty()) t.etagSha256 = sha;
    }
    return n;
}

size_t onBody(char* data, size_t size, size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const size_t n = size * count;
    if (t.status < 200 || t.status >= 300) {
        if (t.errorBody.size() < 2048) t.errorBody.append(data, std::min<size_t>(n, 2048 - t.errorBody.size()));
        return n;
    }
    if (!t.bodyStarted) {
        t.bodyStarted = true;
        const char* mode = "wb";
        if (t.status == 206) {
            if (t.rangeStart != static_cast<std::int64_t>(t.offset)) {
                t.badRange = true;
                return 0;
            }
            mode = "ab";
            t.appended = t.offset > 0;
        } else {
            t.restartedFromZero = t.offset > 0;
            t.offset = 0;
        }
        t.out = std::fopen(t.part.c_str(), mode);
        if (!t.out) {
            t.ioError = "cannot open for writing";
            return 0;
        }
        t.partBytes = t.offset;
    }
    if (std::fwrite(data, 1, n, t.out) != n) {
        t.ioError = "cannot write (disk full?)";
        return 0;
    }
    t.partBytes += n;
    t.received += n;
    t.report(false);
    return t.shouldStop() ? 0 : n;
}

int onTick(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto& t = *static_cast<Transfer*>(user);
    return t.shouldStop() ? 1 : 0;
}

enum class Outcome { Complete, Retry, RestartFromZero };

// Sleeps in short slices so that a cancel during the wait before a retry is noticed at once.
void waitBeforeRetry(int ms, const Progress& progress) {
    const auto end = Clock::now() + std::chrono::milliseconds(ms);
    while (Clock::now() < end) {
        progress.cancel.throwIfCancelled();
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(ms, 20)));
    }
    progress.cancel.throwIfCancelled();
}

}  // namespace

ModelDownloader::ModelDownloader(DownloadOptions options)
    : options_(std::move(options)),
      endpoint_(resolveEndpoint(options_.endpoint)),
      token_(resolveToken(options_.token)) {}

std::string ModelDownloader::resolveEndpoint(const std::string& option) {
    std::string e = !option.empty() ? option : env("HF_ENDPOINT");
    if (e.empty()) e = "https://huggingface.co";
    while (!e.empty() && e.back() == '/') e.pop_back();
    return e;
}

std::string ModelDownloader::resolveToken(const std::string& option) {
    if (!option.empty()) return trim(option);
    if (std::string t = env("HF_TOKEN"); !t.empty()) return trim(t);
    return trim(env("HUGGING_FACE_HUB_TOKEN"));
}

std::filesystem::path ModelDownloader::partPath(const std::filesystem::path& dest) {
    return std::filesystem::path(dest.string() + ".part");
}

std::filesystem::path ModelDownloader::digestRecordPath(const std::filesystem::path& dest) {
    return std::filesystem::path(dest.string() + ".sha256");
}

std::string ModelDownloader::readDigestRecord(const std::filesystem::path& dest) {
    std::ifstream in(digestRecordPath(dest));
    std::string digest;
    if (!(in >> digest) || !isHex64(digest)) return {};
    return lower(digest);
}

std::string ModelDownloader::sha256FromEtag(const std::string& value) {
    std::string v = trim(value);
    if (v.size() >= 2 && (v[0] == 'W' || v[0] == 'w') && v[1] == '/') v = v.substr(2);
    v.erase(std::remove(v.begin(), v.end(), '"'), v.end());
    return isHex64(v) ? lower(v) : std::string();
}

std::string ModelDownloader::url(const std::string& repo, const std::string& revision,
                                 const std::string& file) const {
    return endpoint_ + "/" + urlEncode(repo, true) + "/resolve/" + urlEncode(revision, false) + "/" +
           urlEncode(file, true);
}

FileDownload ModelDownloader::downloadFile(const std::string& repo, const std::string& revision,
                                           const std::string& file, const std::filesystem::path& dest,
                                           const Progress& progress) const {
    const auto started = Clock::now();
    FileDownload result;
    result.file = file;
    result.path = dest;
    const std::string stage = "Fetching " + file;

    progress.cancel.throwIfCancelled();
    if (const std::string recorded = readDigestRecord(dest); !recorded.empty() && std::filesystem::is_regular_file(dest)) {
        result.skipped = true;
        result.sha256 = recorded;
        result.bytes = fileSize(dest);
        progress.step(stage, static_cast<std::size_t>(result.bytes), static_cast<std::size_t>(result.bytes));
        return result;
    }

    std::error_code ec;
    std::filesystem::create_directories(dest.parent_path(), ec);
    if (ec) throw Error("cannot create the folder: " + ec.message(), dest.parent_path().string());

    globalInit();
    const std::string address = url(repo, revision, file);
    const std::filesystem::path part = partPath(dest);
    const std::string userAgent = "patchbank/" + versionInfo().patchbank + " " + curl_version();
    const std::string hubPage = endpoint_ + "/" + repo;

    std::string expectedSha256;
    std::int64_t expectedSize = kUnknown;
    for (int attempt = 0;; ++attempt) {
        Transfer t;
        t.part = part;
        t.offset = fileSize(part);
        t.progress = &progress;
        t.stage = stage;
        t.partBytes = t.offset;

        CURL* curl = curl_easy_init();
        if (!curl) throw Error("cannot start libcurl", dest.string());
        char errorText[CURL_ERROR_SIZE] = {0};
        curl_slist* headers = nullptr;
        if (!token_.empty()) headers = curl_slist_append(headers, ("Authorization: Bearer " + token_).c_str());
        const std::string range = std::to_string(t.offset) + "-";
        curl_easy_setopt(curl, CURLOPT_URL, address.c_str());
        curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 10L);
        // libcurl drops our Authorization header when a redirect leaves the host (the hub sends
        // large files to a CDN with a signed URL), so the token never goes elsewhere.
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        if (t.offset > 0) curl_easy_setopt(curl, CURLOPT_RANGE, range.c_str());
        curl_easy_setopt(curl, CURLOPT_USERAGENT, userAgent.c_str());
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorText);
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, options_.connectTimeoutS);
        curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, options_.stallTimeoutS);
        curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, &t);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
        curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onTick);
        curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &t);
        const CURLcode code = curl_easy_perform(curl);
        curl_easy_cleanup(curl);
        curl_slist_free_all(headers);
        bool closedOk = true;
        if (t.out) closedOk = std::fclose(t.out) == 0;
        t.partBytes = fileSize(part);
        result.transferred += t.received;
        if (t.appended) result.resumed = true;

        if (t.callbackError) std::rethrow_exception(t.callbackError);
        if (t.cancelled) throw Cancelled();
        if (!t.ioError.empty() || !closedOk)
            throw Error(t.ioError.empty() ? "cannot write the download" : t.ioError, part.string());

        Outcome outcome = Outcome::Complete;
        std::string why;
        if (t.badRange) {
            outcome = Outcome::RestartFromZero;
            why = "the server answered a resume request with another range";
        } else if (code != CURLE_OK) {
            const bool transient = code == CURLE_PARTIAL_FILE || code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR ||
                                   code == CURLE_OPERATION_TIMEDOUT || code == CURLE_GOT_NOTHING ||
                                   code == CURLE_HTTP2 || code == CURLE_HTTP2_STREAM;
            why = std::string(errorText[0] ? errorText : curl_easy_strerror(code));
            if (!transient) throw Error("cannot download " + address + ": " + why, dest.string());
            outcome = Outcome::Retry;
        } else if (t.status == 416) {
            // The .part may already hold the whole file (an earlier run stopped before verifying).
            const std::int64_t total = t.linkedSize >= 0 ? t.linkedSize : t.rangeTotal;
            if (total >= 0 && static_cast<std::int64_t>(t.partBytes) == total) {
                t.status = 206;
                t.rangeTotal = total;
            } else {
                outcome = Outcome::RestartFromZero;
                why = "the server refused to resume (HTTP 416)";
            }
        } else if (t.status == 401 || t.status == 403) {
            const std::string what = t.status == 401 ? "HTTP 401 (unauthorized)" : "HTTP 403 (forbidden)";
            std::string reason = what + " for " + address + ": " + repo +
                                 " is gated or private. Accept its licence on " + hubPage +
                                 " while logged in, then set HF_TOKEN to an access token of that account";
            if (!token_.empty())
                reason += t.status == 401 ? " (the token that was sent was refused)"
                                          : " (the token that was sent has not been granted access yet)";
            throw Error(reason, dest.string());
        } else if (t.status == 404) {
            throw Error("not found (HTTP 404): " + address + " (check the repository '" + repo + "', revision '" +
                            revision + "' and file name)",
                        dest.string());
        } else if (t.status >= 500) {
            outcome = Outcome::Retry;
            why = "HTTP " + std::to_string(t.status) + " from the server";
        } else if (t.status != 200 && t.status != 206) {
            throw Error("HTTP " + std::to_string(t.status) + " for " + address + ": " + trim(t.errorBody.substr(0, 200)),
                        dest.string());
        }

        if (outcome == Outcome::Complete && t.status == 200 && !t.bodyStarted) {
            // An empty body never reached onBody: the file is empty, whatever the .part held.
            std::ofstream(part, std::ios::binary | std::ios::trunc);
            t.partBytes = 0;
        }
        if (outcome == Outcome::Complete) {
            expectedSize = t.expectedSize();
            if (t.bodyStarted) t.report(true);
            if (t.callbackError) std::rethrow_exception(t.callbackError);
            expectedSha256 = !t.linkedSha256.empty() ? t.linkedSha256 : t.etagSha256;
            if (expectedSize >= 0 && static_cast<std::int64_t>(t.partBytes) < expectedSize) {
                outcome = Outcome::Retry;
                why = "the connection ended after " + humanBytes(static_cast<std::int64_t>(t.partBytes)) + " of " +
                      humanBytes(expectedSize);
            } else if (expectedSize >= 0 && static_cast<std::int64_t>(t.partBytes) > expectedSize) {
                std::filesystem::remove(part, ec);
                throw Error("size mismatch: the server announced " + std::to_string(expectedSize) + " bytes, " +
                                std::to_string(t.partBytes) + " arrived; the download was deleted",
                            dest.string());
            }
        }
        if (outcome == Outcome::Complete) break;
        if (outcome == Outcome::RestartFromZero) std::filesystem::remove(part, ec);
        if (attempt >= options_.maxRetries) {
            const std::uint64_t kept = fileSize(part);
            throw Error("download of " + address + " failed: " + why +
                            (kept > 0 ? "; " + humanBytes(static_cast<std::int64_t>(kept)) + " kept in " +
                                            part.filename().string() + ", run again to resume"
                                      : std::string()),
                        dest.string());
        }
        waitBeforeRetry(options_.retryDelayMs << std::min(attempt, 6), progress);
    }

    // Verify the whole file, not just the bytes of this call: a resumed .part counts too.
    const std::uint64_t size = fileSize(part);
    const std::string verifyStage = "Verifying " + file;
    Sha256 hasher;
    {
        std::ifstream in(part, std::ios::binary);
        if (!in) throw Error("cannot read the download back", part.string());
        std::vector<char> block(1 << 20);
        std::uint64_t done = 0;
        auto lastReport = Clock::now();
        progress.step(verifyStage, 0, static_cast<std::size_t>(size));
        while (in) {
            in.read(block.data(), static_cast<std::streamsize>(block.size()));
            const std::streamsize got = in.gcount();
            if (got <= 0) break;
            hasher.update(block.data(), static_cast<std::size_t>(got));
            done += static_cast<std::uint64_t>(got);
            if (Clock::now() - lastReport > std::chrono::milliseconds(100)) {
                lastReport = Clock::now();
                progress.step(verifyStage, static_cast<std::size_t>(done), static_cast<std::size_t>(size));
            }
        }
        if (done != size) throw Error("cannot read the download back", part.string());
    }
    const std::string actual = hasher.hexDigest();
    if (!expectedSha256.empty() && actual != expectedSha256) {
        std::filesystem::remove(part, ec);
        throw Error("SHA-256 mismatch: the server announced " + expectedSha256 + ", the " + std::to_string(size) +
                        " bytes received hash to " + actual + "; the download was deleted",
                    dest.string());
    }
    progress.step(verifyStage, static_cast<std::size_t>(size), static_cast<std::size_t>(size));

    std::filesystem::rename(part, dest, ec);
    if (ec) throw Error("cannot move the verified download into place: " + ec.message(), dest.string());
    writeFileAtomic(digestRecordPath(dest), actual + "  " + dest.filename().string() + "\n");

    result.bytes = size;
    result.sha256 = actual;
    result.digestVerified = !expectedSha256.empty();
    result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return result;
}

ModelDownload ModelDownloader::download(const ModelInfo& model, const std::filesystem::path& dir,
                                        const Progress& progress) const {
    ModelDownload result;
    result.dir = dir;
    result.weights = ModelCatalogue::weightsPath(model, dir);
    for (const auto& file : model.files)
        result.files.push_back(downloadFile(model.repo, model.revision, file, dir / file, progress));
    return result;
}

}  // namespace pb
