// A small HTTP/1.1 server on 127.0.0.1 that imitates the Hugging Face hub's file endpoint
// (/{repo}/resolve/{revision}/{file}) for download tests: Range requests, X-Linked-Etag/-Size,
// bearer tokens, a redirect to a "CDN" path, dropped connections, wrong digests and slow links.
// One thread accepts, one thread per connection answers one request and closes it.
#pragma once
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace pb::test {

class LoopbackHttpServer {
public:
    struct Request {
        std::string method;
        std::string target;         // as sent, e.g. /org/model/resolve/main/model.safetensors
        std::string range;          // Range header, empty when absent
        std::string authorization;  // Authorization header, empty when absent
        int status = 0;             // what was answered
        std::uint64_t bodyBytes = 0;  // body bytes actually sent
    };

    // Binds 127.0.0.1 on a free port and starts serving; throws std::runtime_error when it cannot.
    LoopbackHttpServer();
    ~LoopbackHttpServer();
    LoopbackHttpServer(const LoopbackHttpServer&) = delete;
    LoopbackHttpServer& operator=(const LoopbackHttpServer&) = delete;

    int port() const { return port_; }
    std::string endpoint() const;  // http://127.0.0.1:<port>

    // Files of `repo` (any revision) are read from `dir`.
    void serveRepo(const std::string& repo, const std::filesystem::path& dir);
    // Non-empty: /resolve/ answers 401 unless "Authorization: Bearer <token>" is sent.
    void requireToken(const std::string& token);
    // The next `count` file bodies longer than `bytes` announce their full length but stop after
    // `bytes` bytes, as a dropped connection does.
    void cutResponses(std::uint64_t bytes, int count = 1);
    // Announce the SHA-256 of other content (X-Linked-Etag and ETag).
    void setWrongDigest(bool wrong);
    // Files smaller than this are served like the hub's git files: no X-Linked headers and a
    // 40-hex ETag, so only their size can be checked. 0 (default): every file is LFS-like.
    void setLfsThreshold(std::uint64_t bytes);
    // Non-empty: /resolve/ answers 302 (with the X-Linked headers) to http://<host>:<port>/cdn/...,
    // which serves the bytes without asking for a token, like the hub's signed CDN links.
    void setRedirectHost(const std::string& host);
    // Body bytes per second per response; 0 (default) = as fast as possible.
    void setRateLimit(std::uint64_t bytesPerSecond);
    // Answer 200 with the whole file even to a Range request.
    void setIgnoreRange(bool ignore);

    std::vector<Request> requests() const;
    void clearRequests();

private:
    struct FileInfo {
        std::filesystem::path path;
        std::uint64_t size = 0;
        std::string sha256;
    };

    void acceptLoop();
    void handle(int fd);
    bool sendAll(int fd, const char* data, std::size_t size);
    bool lookup(const std::string& repo, const std::string& file, FileInfo& info);
    void record(const Request& r);

    int listenFd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread acceptThread_;

    mutable std::mutex mutex_;  // guards everything below
    std::vector<std::thread> workers_;
    std::map<std::string, std::filesystem::path> repos_;
    std::map<std::string, FileInfo> digestCache_;  // path + size + mtime -> info
    std::string token_;
    std::uint64_t cutBytes_ = 0;
    int cutCount_ = 0;
    bool wrongDigest_ = false;
    std::uint64_t lfsThreshold_ = 0;
    std::string redirectHost_;
    std::uint64_t rate_ = 0;
    bool ignoreRange_ = false;
    std::vector<Request> requests_;
};

}  // namespace pb::test
