"""Audio formats we accept: detected from the bytes, measured with mutagen.

The file name and the client's content type are never trusted; only the magic bytes
decide the format, and mutagen must then parse the file as that format.
"""

from __future__ import annotations

import math
import os
import struct

from mutagen.flac import FLAC
from mutagen.mp3 import MP3
from mutagen.oggflac import OggFLAC
from mutagen.oggopus import OggOpus
from mutagen.oggspeex import OggSpeex
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

__all__ = ["MIME_TYPES", "UnreadableAudio", "detect_format", "duration_of"]

MIME_TYPES = {"wav": "audio/wav", "mp3": "audio/mpeg", "ogg": "audio/ogg", "flac": "audio/flac"}
HEADER_BYTES = 12
# A WAV holds a handful of chunks (fmt, data, LIST, fact, id3...); past this many, a file
# is built to make the chunk walk slow, not to be played.
_MAX_WAV_CHUNKS = 64
_PARSERS = {
    "wav": (WAVE,),
    "mp3": (MP3,),
    "ogg": (OggVorbis, OggOpus, OggFLAC, OggSpeex),
    "flac": (FLAC,),
}


class UnreadableAudio(ValueError):
    """The bytes claim a format but do not parse as audio of it."""


def _is_mpeg_frame(head: bytes) -> bool:
    # 11 sync bits, then a version other than "reserved" and a layer other than "reserved"
    # (layer 0 is also how AAC ADTS streams start, which we do not accept).
    if len(head) < 2 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    return (head[1] >> 3) & 0b11 != 0b01 and (head[1] >> 1) & 0b11 != 0


def detect_format(head: bytes) -> str | None:
    """The format the first HEADER_BYTES bytes announce, or None."""
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head[:3] == b"ID3" or _is_mpeg_frame(head):
        return "mp3"
    if head[:4] == b"OggS":
        return "ogg"
    if head[:4] == b"fLaC":
        return "flac"
    return None


def _wav_seconds(path: str) -> float:
    """Seconds of the WAV samples actually in the file.

    mutagen takes the data chunk's size from its header, so a 1 KB file claiming 2 GB of
    samples measured 74 hours. Here the size is the smaller of the claim and the bytes that
    follow the chunk header, divided by the bytes per second (frame size x sample rate).
    """
    with open(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        file.seek(HEADER_BYTES)
        frame = data = None
        for _ in range(_MAX_WAV_CHUNKS):
            header = file.read(8)
            if len(header) < 8:
                break
            chunk, length = struct.unpack("<4sI", header)
            start = file.tell()
            if chunk == b"fmt " and len(fields := file.read(16)) == 16:
                _, _, rate, _, align, _ = struct.unpack("<HHIIHH", fields)
                frame = (rate, align)
            elif chunk == b"data":
                data = min(length, size - start)
            if frame and data is not None:
                break
            file.seek(start + length + length % 2)  # chunks are padded to an even size
    if not frame or not frame[0] or not frame[1] or data is None:
        return 0.0
    rate, align = frame
    return (data // align) / rate


def duration_of(path: str, fmt: str) -> float:
    """Seconds of audio in the file; raises UnreadableAudio when mutagen cannot parse it."""
    for parser in _PARSERS[fmt]:
        try:
            length = parser(path).info.length
        except Exception:  # noqa: S110 - mutagen raises many error types on hostile input
            continue
        if fmt == "wav":
            length = _wav_seconds(path)
        if length and math.isfinite(length) and length > 0:
            return round(float(length), 3)
        raise UnreadableAudio("The file contains no audio.")
    raise UnreadableAudio(f"The file is not a readable {fmt.upper()} audio file.")
