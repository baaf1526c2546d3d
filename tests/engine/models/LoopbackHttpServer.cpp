#include "LoopbackHttpServer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <stdexcept>

#include "engine/util/Sha256.h"

namespace pb::test {

namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string percentDecode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

}  // namespace

LoopbackHttpServer::LoopbackHttpServer() {
    listenFd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (listenFd_ < 0) throw std::runtime_error("loopback server: socket() failed");
    int yes = 1;
    ::setsockopt(listenFd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(listenFd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listenFd_, 16) != 0) {
        ::close(listenFd_);
        throw std::runtime_error("loopback server: cannot bind 127.0.0.1");
    }
    socklen_t len = sizeof addr;
    ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    acceptThread_ = std::thread([this] { acceptLoop(); });
}

LoopbackHttpServer::~LoopbackHttpServer() {
    stop_ = true;
    if (acceptThread_.joinable()) acceptThread_.join();
    std::vector<std::thread> workers;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        workers.swap(workers_);
    }
    for (auto& w : workers)
        if (w.joinable()) w.join();
    ::close(listenFd_);
}

std::string LoopbackHttpServer::endpoint() const { return "http://127.0.0.1:" + std::to_string(port_); }

void LoopbackHttpServer::serveRepo(const std::string& repo, const std::filesystem::path& dir) {
    std::lock_guard<std::mutex> lock(mutex_);
    repos_[repo] = dir;
}
void LoopbackHttpServer::requireToken(const std::string& token) {
    std::lock_guard<std::mutex> lock(mutex_);
    token_ = token;
}
void LoopbackHttpServer::cutResponses(std::uint64_t bytes, int count) {
    std::lock_guard<std::mutex> lock(mutex_);
    cutBytes_ = bytes;
    cutCount_ = count;
}
void LoopbackHttpServer::setWrongDigest(bool wrong) {
    std::lock_guard<std::mutex> lock(mutex_);
    wrongDigest_ = wrong;
}
void LoopbackHttpServer::setLfsThreshold(std::uint64_t bytes) {
    std::lock_guard<std::mutex> lock(mutex_);
    lfsThreshold_ = bytes;
}
void LoopbackHttpServer::setRedirectHost(const std::string& host) {
    std::lock_guard<std::mutex> lock(mutex_);
    redirectHost_ = host;
}
void LoopbackHttpServer::setRateLimit(std::uint64_t bytesPerSecond) {
    std::lock_guard<std::mutex> lock(mutex_);
    rate_ = bytesPerSecond;
}
void LoopbackHttpServer::setIgnoreRange(bool ignore) {
    std::lock_guard<std::mutex> lock(mutex_);
    ignoreRange_ = ignore;
}

std::vector<LoopbackHttpServer::Request> LoopbackHttpServer::requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
}
void LoopbackHttpServer::clearRequests() {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.clear();
}
void LoopbackHttpServer::record(const Request& r) {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(r);
}

void LoopbackHttpServer::acceptLoop() {
    while (!stop_) {
        pollfd p{listenFd_, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        const int fd = ::accept(listenFd_, nullptr, nullptr);
        if (fd < 0) continue;
        std::lock_guard<std::mutex> lock(mutex_);
        workers_.emplace_back([this, fd] {
            handle(fd);
            ::close(fd);
        });
    }
}

bool LoopbackHttpServer::sendAll(int fd, const char* data, std::size_t size) {
    while (size > 0 && !stop_) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return size == 0;
}

bool LoopbackHttpServer::lookup(const std::string& repo, const std::string& file, FileInfo& info) {
    std::filesystem::path dir;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto it = repos_.find(repo);
        if (it == repos_.end()) return false;
        dir = it->second;
    }
    if (file.empty() || file.find("..") != std::string::npos) return false;
    const auto path = dir / file;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return false;
    const auto size = std::filesystem::file_size(path, ec);
    const auto mtime = std::filesystem::last_write_time(path, ec).time_since_epoch().count();
    const std::string key = path.string() + "|" + std::to_string(size) + "|" + std::to_string(mtime);
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto it = digestCache_.find(key);
        if (it != digestCache_.end()) {
            info = it->second;
            return true;
        }
    }
    info.path = path;
    info.size = size;
    info.sha256 = pb::sha256File(path);
    std::lock_guard<std::mutex> lock(mutex_);
    digestCache_[key] = info;
    return true;
}

void LoopbackHttpServer::handle(int fd) {
    // Read the request head (no request bodies are expected).
    std::string head;
    char buffer[4096];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (head.find("\r\n\r\n") == std::string::npos) {
        if (stop_ || std::chrono::steady_clock::now() > deadline || head.size() > 65536) return;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) return;
        head.append(buffer, static_cast<std::size_t>(n));
    }
    Request req;
    std::map<std::string, std::string> headers;
    {
        std::size_t pos = head.find("\r\n");
        const std::string requestLine = head.substr(0, pos);
        const auto s1 = requestLine.find(' ');
        const auto s2 = requestLine.find(' ', s1 + 1);
        if (s1 == std::string::npos || s2 == std::string::npos) return;
        req.method = requestLine.substr(0, s1);
        req.target = requestLine.substr(s1 + 1, s2 - s1 - 1);
        while (true) {
            const std::size_t next = head.find("\r\n", pos + 2);
            if (next == std::string::npos || next == pos + 2) break;
            const std::string line = head.substr(pos + 2, next - pos - 2);
            const auto colon = line.find(':');
            if (colon != std::string::npos) headers[lower(trim(line.substr(0, colon)))] = trim(line.substr(colon + 1));
            pos = next;
        }
        req.range = headers.count("range") ? headers["range"] : "";
        req.authorization = headers.count("authorization") ? headers["authorization"] : "";
    }

    std::string token, redirectHost;
    bool wrongDigest, ignoreRange;
    std::uint64_t lfsThreshold, rate;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        token = token_;
        redirectHost = redirectHost_;
        wrongDigest = wrongDigest_;
        ignoreRange = ignoreRange_;
        lfsThreshold = lfsThreshold_;
        rate = rate_;
    }

    auto answer = [&](int status, const std::string& reasonPhrase, const std::string& extraHeaders,
                      const std::string& body) {
        std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reasonPhrase + "\r\n" + extraHeaders +
                          "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
        if (req.method != "HEAD") out += body;
        sendAll(fd, out.data(), out.size());
        req.status = status;
        record(req);
    };

    // /{repo}/resolve/{rev}/{file} or /cdn/{repo}/{rev}/{file} (the redirect target).
    std::string target = percentDecode(req.target.substr(0, req.target.find('?')));
    std::string repo, file;
    bool cdn = false;
    if (target.rfind("/cdn/", 0) == 0) {
        // /cdn/{owner}/{name}/{rev}/{file...}
        std::vector<std::string> parts;
        std::size_t start = 5;
        for (int i = 0; i < 3; ++i) {
            const auto slash = target.find('/', start);
            if (slash == std::string::npos) break;
            parts.push_back(target.substr(start, slash - start));
            start = slash + 1;
        }
        if (parts.size() == 3) {
            repo = parts[0] + "/" + parts[1];
            file = target.substr(start);
            cdn = true;
        }
    } else {
        const auto resolve = target.find("/resolve/");
        if (resolve != std::string::npos && resolve > 1) {
            repo = target.substr(1, resolve - 1);
            const std::string rest = target.substr(resolve + 9);
            const auto slash = rest.find('/');
            if (slash != std::string::npos) file = rest.substr(slash + 1);
        }
    }
    if (req.method != "GET" && req.method != "HEAD") return answer(405, "Method Not Allowed", "", "");
    if (!cdn && !token.empty() && req.authorization != "Bearer " + token)
        return answer(401, "Unauthorized", "X-Error-Code: GatedRepo\r\n",
                      "Access to model " + repo + " is restricted. You must have access to it and be authenticated.");
    FileInfo info;
    if (repo.empty() || !lookup(repo, file, info))
        return answer(404, "Not Found", "X-Error-Code: EntryNotFound\r\n", "Entry not found");

    const bool lfs = info.size >= lfsThreshold;
    const std::string digest = wrongDigest ? pb::sha256Hex("not the file", 12) : info.sha256;
    std::string linked;
    if (lfs)
        linked = "X-Linked-Etag: \"" + digest + "\"\r\nX-Linked-Size: " + std::to_string(info.size) + "\r\n";
    const std::string etag = "ETag: \"" + (lfs ? digest : digest.substr(0, 40)) + "\"\r\n";

    if (!cdn && !redirectHost.empty()) {
        // Like the hub: the digest headers on the redirect, the bytes elsewhere. The revision is
        // kept so the target stays /cdn/{owner}/{name}/{rev}/{file}.
        const std::string rest = target.substr(target.find("/resolve/") + 9);
        const std::string location = "http://" + redirectHost + ":" + std::to_string(port_) + "/cdn/" + repo + "/" + rest;
        return answer(302, "Found", linked + etag + "Location: " + location + "\r\n", "");
    }

    // Range: bytes=N- (the only form the downloader sends).
    std::uint64_t start = 0;
    bool partial = false;
    if (!req.range.empty() && !ignoreRange) {
        const std::string r = lower(req.range);
        if (r.rfind("bytes=", 0) == 0 && !r.empty() && r.back() == '-') {
            try {
                start = std::stoull(r.substr(6, r.size() - 7));
            } catch (...) {
                return answer(400, "Bad Request", "", "bad range");
            }
            if (start >= info.size)
                return answer(416, "Range Not Satisfiable",
                              linked + "Content-Range: bytes */" + std::to_string(info.size) + "\r\n", "");
            partial = true;
        }
    }
    const std::uint64_t length = info.size - start;
    std::uint64_t limit = length;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (cutCount_ > 0 && length > cutBytes_) {
            --cutCount_;
            limit = std::min(limit, cutBytes_);
        }
    }
    std::string out = partial ? "HTTP/1.1 206 Partial Content\r\n" : "HTTP/1.1 200 OK\r\n";
    out += linked + etag + "Accept-Ranges: bytes\r\nContent-Type: application/octet-stream\r\n";
    if (partial)
        out += "Content-Range: bytes " + std::to_string(start) + "-" + std::to_string(info.size - 1) + "/" +
               std::to_string(info.size) + "\r\n";
    out += "Content-Length: " + std::to_string(length) + "\r\nConnection: close\r\n\r\n";
    req.status = partial ? 206 : 200;
    if (!sendAll(fd, out.data(), out.size()) || req.method == "HEAD") return record(req);

    std::ifstream in(info.path, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(start));
    std::vector<char> chunk(64 * 1024);
    const auto begun = std::chrono::steady_clock::now();
    while (req.bodyBytes < limit && !stop_) {
        const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), limit - req.bodyBytes));
        in.read(chunk.data(), static_cast<std::streamsize>(want));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0 || !sendAll(fd, chunk.data(), got)) break;
        req.bodyBytes += got;
        if (rate > 0) {
            // Sleep until the bytes sent so far match the rate.
            const auto due = begun + std::chrono::microseconds(req.bodyBytes * 1000000 / rate);
            while (!stop_ && std::chrono::steady_clock::now() < due)
                std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
                    due - std::chrono::steady_clock::now(), std::chrono::milliseconds(20)));
        }
    }
    record(req);
}

}  // namespace pb::test
