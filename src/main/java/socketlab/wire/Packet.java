package socketlab.wire;

/**
 * One packet as the capture saw it on loopback, its headers read: who sent it to whom, its TCP
 * numbers, and where its payload lies in {@link #frame}. Loopback frames carry an Ethernet header
 * (zero addresses), then IPv4 or IPv6, then TCP or UDP:
 *
 * <pre>
 *   0        12   14                          14+ip           14+ip+tcp
 *   | dst src | type | IPv4 (IHL×4) or IPv6 (40) | TCP (offset×4) | payload … |
 *               0800 / 86DD    protocol 6 or 17   | UDP (8)        |
 * </pre>
 *
 * @param wscale the window scale a SYN offered (RFC 7323 option 3), -1 when it offered none or is no SYN
 */
public record Packet(long tNs, boolean v6, int srcPort, int dstPort, boolean udp, long seq, long ack, int flags,
                     int rawWindow, int wscale, byte[] frame, int payloadOffset, int payloadLength) {

    private static final int ETHERNET = 14;

    /** The packet's headers, or null when it is not TCP or UDP over IP (ARP, ICMP, a cut frame). */
    public static Packet parse(long tNs, byte[] f) {
        if (f.length < ETHERNET + 20) {
            return null;
        }
        int type = u16(f, 12);
        int ip = ETHERNET;
        int proto;
        int ipEnd; // where the IP packet ends (the frame may be padded)
        int l4;
        boolean v6;
        if (type == 0x0800 && (f[ip] >> 4 & 0xF) == 4) {
            int ihl = (f[ip] & 0xF) * 4;
            proto = f[ip + 9] & 0xFF;
            ipEnd = Math.min(f.length, ip + u16(f, ip + 2));
            l4 = ip + ihl;
            v6 = false;
        } else if (type == 0x86DD && f.length >= ip + 40) {
            proto = f[ip + 6] & 0xFF;
            ipEnd = Math.min(f.length, ip + 40 + u16(f, ip + 4));
            l4 = ip + 40;
            v6 = true;
        } else {
            return null;
        }
        if (proto == 6 && ipEnd >= l4 + 20) {
            int dataOffset = (f[l4 + 12] >> 4 & 0xF) * 4;
            int flags = f[l4 + 13] & 0xFF;
            int start = Math.min(ipEnd, l4 + dataOffset);
            return new Packet(tNs, v6, u16(f, l4), u16(f, l4 + 2), false, u32(f, l4 + 4), u32(f, l4 + 8), flags,
                    u16(f, l4 + 14), (flags & 0x02) != 0 ? windowScale(f, l4 + 20, start) : -1, f, start, ipEnd - start);
        }
        if (proto == 17 && ipEnd >= l4 + 8) {
            return new Packet(tNs, v6, u16(f, l4), u16(f, l4 + 2), true, 0, 0, 0, 0, -1, f, l4 + 8, ipEnd - l4 - 8);
        }
        return null;
    }

    /** The payload's bytes, copied (at most {@code cap}). */
    public byte[] payload(int cap) {
        return java.util.Arrays.copyOfRange(frame, payloadOffset, payloadOffset + Math.min(cap, payloadLength));
    }

    /** The window-scale option among the TCP options in {@code [from, to)}: kind 3, length 3, shift; -1 if absent. */
    private static int windowScale(byte[] f, int from, int to) {
        int i = from;
        while (i < to) {
            int kind = f[i] & 0xFF;
            if (kind == 0) {
                return -1; // end of options
            }
            if (kind == 1) {
                i++; // no-op
                continue;
            }
            if (i + 1 >= to) {
                return -1;
            }
            int len = f[i + 1] & 0xFF;
            if (len < 2) {
                return -1; // a broken option: stop reading, as the kernel would
            }
            if (kind == 3 && len == 3 && i + 2 < to) {
                return Math.min(14, f[i + 2] & 0xFF); // RFC 7323 §2.3: more than 14 is taken as 14
            }
            i += len;
        }
        return -1;
    }

    private static int u16(byte[] f, int i) {
        return (f[i] & 0xFF) << 8 | f[i + 1] & 0xFF;
    }

    private static long u32(byte[] f, int i) {
        return (long) u16(f, i) << 16 | u16(f, i + 2);
    }
}
