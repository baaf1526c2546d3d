// Resumable, verified downloads of model files from the Hugging Face hub (or any server with the
// same /{repo}/resolve/{revision}/{file} layout), with progress and cancellation.
//
// A file is written to <dest>.part; an interrupted transfer is resumed with a Range request. The
// expected size comes from the server (X-Linked-Size, Content-Range, Content-Length) and the
// expected SHA-256 from X-Linked-Etag (the LFS digest the hub sends for large files) or a 64-hex
// ETag; the digest is computed over the whole file. Only a verified file is renamed into place, and
// a digest record <dest>.sha256 (sha256sum format) is written beside it so the next fetch skips it.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/models/ModelCatalogue.h"
#include "engine/util/Progress.h"

namespace pb {

struct DownloadOptions {
    std::string endpoint;      // empty: $HF_ENDPOINT, else https://huggingface.co
    std::string token;         // empty: $HF_TOKEN, else $HUGGING_FACE_HUB_TOKEN; sent as a bearer token
    int maxRetries = 3;        // resumed attempts after a dropped connection within one call
    int retryDelayMs = 1000;   // wait before a retry, doubled each time
    long connectTimeoutS = 30;
    long stallTimeoutS = 60;   // abort (and keep the .part) when nothing arrives for this long
};

struct FileDownload {
    std::string file;                 // name in the repo, e.g. "model.safetensors"
    std::filesystem::path path;       // where it now lies
    std::uint64_t bytes = 0;          // size of the final file
    std::uint64_t transferred = 0;    // bytes received in this call (0 when skipped)
    std::string sha256;               // of the final file
    bool digestVerified = false;      // the server gave a SHA-256 and it matched (else: size only)
    bool skipped = false;             // already complete with a digest record; nothing fetched
    bool resumed = false;             // continued a .part left by an earlier attempt
    double seconds = 0;               // wall time of transfer + verification
};

struct ModelDownload {
    std::filesystem::path dir;
    std::filesystem::path weights;    // dir/model.safetensors
    std::vector<FileDownload> files;
};

class ModelDownloader {
public:
    explicit ModelDownloader(DownloadOptions options = {});

    // Fetches one file to `dest`. Progress stages are "Fetching <file>" and "Verifying <file>"
    // with bytes done/total. Throws pb::Error naming `dest` (HTTP errors, size or digest mismatch,
    // I/O), pb::Cancelled when progress.cancel was triggered (the .part is kept for a resume).
    FileDownload downloadFile(const std::string& repo, const std::string& revision, const std::string& file,
                              const std::filesystem::path& dest, const Progress& progress = {}) const;

    // Every file of a catalogue model into `dir` (created when missing).
    ModelDownload download(const ModelInfo& model, const std::filesystem::path& dir,
                           const Progress& progress = {}) const;

    std::string url(const std::string& repo, const std::string& revision, const std::string& file) const;
    const std::string& endpoint() const { return endpoint_; }
    bool hasToken() const { return !token_.empty(); }

    static std::string resolveEndpoint(const std::string& option);
    static std::string resolveToken(const std::string& option);
    static std::filesystem::path partPath(const std::filesystem::path& dest);          // <dest>.part
    static std::filesystem::path digestRecordPath(const std::filesystem::path& dest);  // <dest>.sha256
    // The 64-hex digest recorded for `dest`, or empty when there is no (readable) record.
    static std::string readDigestRecord(const std::filesystem::path& dest);
    // A SHA-256 from an ETag-like header value: quotes and a W/ prefix stripped, lowercased;
    // empty when what remains is not 64 hex digits (e.g. a git blob sha1).
    static std::string sha256FromEtag(const std::string& value);

private:
    DownloadOptions options_;
    std::string endpoint_;
    std::string token_;
};

}  // namespace pb
