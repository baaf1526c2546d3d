#include "engine/io/AtomicFile.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <unordered_set>

#include "engine/util/Error.h"

namespace pb {
namespace {

std::string errnoText() { return std::strerror(errno); }

std::string hostName() {
    char host[256] = "host";
    ::gethostname(host, sizeof host - 1);
    host[sizeof host - 1] = '\0';
    return host;
}

// The first write of a process into a folder removes the temporaries that writers killed on this host
// left there (kill -9, a power cut): a temporary whose pid no longer runs is never renamed into place.
// Other hosts' temporaries (a folder shared by cluster jobs) are left to them.
void sweepOnce(const std::filesystem::path& folder) {
    static std::mutex mutex;
    static std::unordered_set<std::string> swept;
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (!swept.insert(folder.string()).second) return;
    }
    removeStaleTemporaries(folder);
}

void writeAll(int fd, const char* p, std::size_t size, const std::filesystem::path& target) {
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw Error("write failed: " + errnoText(), target.string());
        }
        p += n;
        size -= static_cast<std::size_t>(n);
    }
}

}  // namespace

// Unique within the process (counter), across processes (pid) and across machines writing one shared
// folder, as cluster jobs do (host name).
std::filesystem::path temporaryPathFor(const std::filesystem::path& target) {
    static std::atomic<unsigned long> counter{0};
    const std::string name = "." + target.filename().string() + ".tmp." + hostName() + "." +
                             std::to_string(::getpid()) + "." + std::to_string(counter.fetch_add(1));
    return target.parent_path() / name;
}

std::size_t removeStaleTemporaries(const std::filesystem::path& folder) {
    const std::string marker = ".tmp." + hostName() + ".";
    std::size_t removed = 0;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(folder.empty() ? "." : folder, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const std::size_t at = name.rfind(marker);
        if (name.empty() || name.front() != '.' || at == std::string::npos) continue;
        // <marker><pid>.<counter>
        char* rest = nullptr;
        const long pid = std::strtol(name.c_str() + at + marker.size(), &rest, 10);
        if (pid <= 0 || !rest || *rest != '.') continue;
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running, or not ours
        std::error_code removeError;
        removed += std::filesystem::remove(it->path(), removeError) ? 1 : 0;
    }
    return removed;
}

void writeFileAtomic(const std::filesystem::path& path, const std::string& bytes) {
    writeFileAtomic(path, bytes.data(), bytes.size());
}

void writeFileAtomic(const std::filesystem::path& path, const void* data, std::size_t size) {
    if (path.empty() || !path.has_filename()) throw Error("not a file path", path.string());
    const std::filesystem::path parent = path.parent_path();
    if (!parent.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(parent, ec);
        if (ec) throw Error("cannot create folder " + parent.string() + ": " + ec.message(), path.string());
    }
    sweepOnce(parent);
    if (std::filesystem::is_directory(path)) throw Error("a folder is in the way of the file", path.string());

    const std::filesystem::path temp = temporaryPathFor(path);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) throw Error("cannot create temporary file: " + errnoText(), path.string());
    try {
        writeAll(fd, static_cast<const char*>(data), size, path);
        // Data must be on disk before the rename makes it visible, or a crash could leave
        // an empty file under the final name.
        if (::fsync(fd) != 0) throw Error("fsync failed: " + errnoText(), path.string());
    } catch (...) {
        ::close(fd);
        ::unlink(temp.c_str());
        throw;
    }
    if (::close(fd) != 0) {
        const std::string why = errnoText();
        ::unlink(temp.c_str());
        throw Error("close failed: " + why, path.string());
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string why = errnoText();
        ::unlink(temp.c_str());
        throw Error("cannot rename temporary file into place: " + why, path.string());
    }
    // Persist the rename itself; best effort, some file systems refuse fsync on folders.
    const std::string dir = parent.empty() ? std::string(".") : parent.string();
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

std::string readFileBytes(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw Error("file does not exist", path.string());
    if (std::filesystem::is_directory(path, ec)) throw Error("is a folder, not a file", path.string());
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot open file for reading", path.string());
    std::string bytes;
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size > 0) {
        bytes.resize(static_cast<std::size_t>(size));
        in.seekg(0, std::ios::beg);
        in.read(bytes.data(), size);
        if (in.gcount() != size) throw Error("read error (file changed while reading?)", path.string());
    } else {
        // Size unknown (pipes, /proc files): read until the end.
        in.clear();
        in.seekg(0, std::ios::beg);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (in.bad()) throw Error("read error", path.string());
    return bytes;
}

}  // namespace pb
