// Silent audio in real container formats, so clients and players accept the bytes.
#pragma once

#include <string>

namespace gatehouse::mock {

// MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono) whose side info is all zero: every
// frame decodes to 26.1 ms of silence. Each frame is 417 bytes.
std::string silentMp3(double seconds);
// RIFF/WAVE, PCM 16-bit mono at 24 kHz (the sample format of OpenAI's "pcm").
std::string silentWav(double seconds);
// Raw 16-bit little-endian mono samples at 24 kHz.
std::string silentPcm(double seconds);

// Duration of a RIFF/WAVE file from its header; negative when the bytes are not one.
double wavDurationSeconds(const std::string& bytes);

} // namespace gatehouse::mock
