using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dashboard.Kiwoom.Realtime;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Web.ScaleOut;

/// <summary>
/// One realtime event as the holder publishes it on Redis: the holder's fence (8 bytes), a flag byte, the
/// registration item it was received for (1-byte length + UTF-8), then the event re-encoded as a Kiwoom REAL
/// frame, so the receiving instance parses it with the same <see cref="RealtimeFrameParser"/> as the socket.
/// Account events (00 orders and fills, 04 balances, which carry the account number) are encrypted with the
/// shared Data Protection key ring; market data (quotes, VI) is public and travels as is.
/// </summary>
internal static class RelayedEvent
{
    private const byte Protected = 1;
    private const byte Acknowledgement = 2;
    private const int HeaderSize = 8 + 1 + 1;

    // Korean names and values go as UTF-8, exactly as Kiwoom sends them, not as \u escapes.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(long fence, string item, RealtimeEvent e, IDataProtector protector)
    {
        var frame = Frame(e);
        var secret = e.Type is RealtimeTypes.OrderExecution or RealtimeTypes.Balance;
        return Write(fence, item, secret ? protector.Protect(frame) : frame, secret);
    }

    private static byte[] Write(long fence, string item, byte[] frame, bool secret)
    {
        var itemBytes = Encoding.UTF8.GetBytes(item);
        if (itemBytes.Length > byte.MaxValue)
        {
            throw new ArgumentException("A registration item is at most 255 bytes.", nameof(item));
        }

        var message = new byte[HeaderSize + itemBytes.Length + frame.Length];
        BinaryPrimitives.WriteInt64LittleEndian(message, fence);
        message[8] = secret ? Protected : (byte)0;
        message[9] = (byte)itemBytes.Length;
        itemBytes.CopyTo(message, HeaderSize);
        frame.CopyTo(message, HeaderSize + itemBytes.Length);
        return message;
    }

    /// <summary>"(type, item) is registered on the holder's socket": lets a receiver's first subscriber wait for it.</summary>
    public static byte[] WriteAcknowledgement(long fence, string type, string item)
    {
        var message = Write(fence, item, [], secret: false);
        message[8] = Acknowledgement;
        return [.. message, .. Encoding.UTF8.GetBytes(type)];
    }

    /// <summary>Whether a message read by <see cref="TryRead"/> is an acknowledgement; its frame is then the type.</summary>
    public static bool IsAcknowledgement(byte[] message) => message.Length > 8 && message[8] == Acknowledgement;

    /// <summary>Reads a message; false when it is malformed or cannot be decrypted (another key ring).</summary>
    public static bool TryRead(byte[] message, IDataProtector protector, out long fence, out string item, out byte[] frame)
    {
        fence = 0;
        item = string.Empty;
        frame = [];
        if (message.Length < HeaderSize || message.Length < HeaderSize + message[9])
        {
            return false;
        }

        fence = BinaryPrimitives.ReadInt64LittleEndian(message);
        item = Encoding.UTF8.GetString(message, HeaderSize, message[9]);
        frame = message[(HeaderSize + message[9])..];
        if ((message[8] & Protected) != 0)
        {
            try
            {
                frame = protector.Unprotect(frame);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The event as a one-entry REAL frame, values exactly as received, in FID order.</summary>
    internal static byte[] Frame(RealtimeEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("trnm"u8, "REAL"u8);
            w.WriteStartArray("data"u8);
            w.WriteStartObject();
            w.WriteString("type"u8, e.Type);
            w.WriteString("name"u8, e.Name);
            w.WriteString("item"u8, e.Item);
            if (e.EmittedAt is { } emitted)
            {
                w.WriteString("emit_ts"u8, emitted.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            }

            w.WriteStartObject("values"u8);
            for (var i = 0; i < e.Values.Count; i++)
            {
                w.WriteString(e.Values.FidAt(i).ToString(CultureInfo.InvariantCulture), e.Values.Utf8At(i));
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
