#include "audio_synth.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace gatehouse::mock {
namespace {

constexpr std::size_t kMp3FrameBytes = 417; // 144 * 128000 / 44100, no padding
constexpr double kMp3FrameSeconds = 1152.0 / 44100.0;
constexpr std::uint32_t kPcmRate = 24000;

void appendLe(std::string& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i)
    out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

std::uint32_t readLe(const std::string& bytes, std::size_t at, int count) {
  std::uint32_t value = 0;
  for (int i = count - 1; i >= 0; --i)
    value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  return value;
}

} // namespace

std::string silentMp3(double seconds) {
  auto frames = static_cast<std::size_t>(std::ceil(seconds / kMp3FrameSeconds));
  std::string frame(kMp3FrameBytes, '\0');
  // Sync, MPEG-1, Layer III, no CRC | 128 kbit/s, 44.1 kHz | mono.
  const unsigned char header[] = {0xFF, 0xFB, 0x90, 0xC0};
  std::memcpy(frame.data(), header, sizeof(header));
  std::string out;
  out.reserve(frames * kMp3FrameBytes);
  for (std::size_t i = 0; i < frames; ++i)
    out += frame;
  return out;
}

std::string silentPcm(double seconds) {
  auto samples = static_cast<std::size_t>(std::ceil(seconds * kPcmRate));
  return std::string(samples * 2, '\0');
}

std::string silentWav(double seconds) {
  auto data = silentPcm(seconds);
  std::string out;
  out.reserve(44 + data.size());
  out += "RIFF";
  appendLe(out, static_cast<std::uint32_t>(36 + data.size()), 4);
  out += "WAVEfmt ";
  appendLe(out, 16, 4);           // fmt chunk size
  appendLe(out, 1, 2);            // PCM
  appendLe(out, 1, 2);            // mono
  appendLe(out, kPcmRate, 4);     // sample rate
  appendLe(out, kPcmRate * 2, 4); // byte rate
  appendLe(out, 2, 2);            // block align
  appendLe(out, 16, 2);           // bits per sample
  out += "data";
  appendLe(out, static_cast<std::uint32_t>(data.size()), 4);
  out += data;
  return out;
}

double wavDurationSeconds(const std::string& bytes) {
  if (bytes.size() < 12 || bytes.compare(0, 4, "RIFF") != 0 || bytes.compare(8, 4, "WAVE") != 0)
    return -1;
  std::uint32_t byteRate = 0;
  std::size_t at = 12;
  while (at + 8 <= bytes.size()) {
    auto id = bytes.substr(at, 4);
    auto size = readLe(bytes, at + 4, 4);
    if (id == "fmt " && at + 20 <= bytes.size() && size >= 16)
      byteRate = readLe(bytes, at + 8 + 8, 4);
    if (id == "data")
      return byteRate == 0 ? -1 : static_cast<double>(size) / byteRate;
    at += 8 + size + (size % 2); // chunks are padded to even sizes
  }
  return -1;
}

} // namespace gatehouse::mock
