namespace Harasocial.ChannelSimulator;

/// <summary>Small Vietnamese/English corpora the generated names and message bodies are drawn from.</summary>
internal static class Phrases
{
    public static readonly string[] FamilyNames =
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"];

    public static readonly string[] MiddleNames = ["Thị", "Văn", "Minh", "Ngọc", "Thu", "Quang", "Thanh", "Hữu", "Bảo", "Gia"];

    public static readonly string[] GivenNames =
        ["Lan", "Hương", "Mai", "Linh", "Trang", "Hà", "Anh", "Tuấn", "Dũng", "Hùng", "Nam", "Phương", "Thảo", "Vy", "Khoa", "Long"];

    public static readonly string[] Buyer =
    [
        "Shop ơi còn size M không ạ?",
        "Giá bao nhiêu vậy shop?",
        "Ship về Hà Nội mất mấy ngày ạ?",
        "Mình muốn đổi màu đen được không?",
        "Hi, is this still available?",
        "Cho mình xin bảng size với",
        "Đơn của mình giao chưa shop?",
        "Can you ship to Da Nang?",
        "Có freeship không ạ?",
        "Mình chuyển khoản rồi nhé",
        "Ok shop, mình lấy 2 cái",
        "Áo này chất liệu gì vậy?",
        "Thanks, I'll order tomorrow 🙏",
        "Còn hàng không shop",
        "Mã giảm giá còn dùng được không?",
        "How long is delivery to HCMC?",
    ];

    public static readonly string[] Seller =
    [
        "Dạ shop còn hàng ạ",
        "Dạ giá 250.000đ ạ, freeship đơn từ 300k",
        "Dạ ship Hà Nội 2-3 ngày ạ",
        "Yes, it is available!",
        "Dạ bạn cho shop xin số điện thoại và địa chỉ nhé",
        "Shop gửi bảng size bạn tham khảo ạ",
        "Đơn của bạn đang được giao ạ",
        "We ship nationwide within 3-5 days.",
        "Dạ cảm ơn bạn đã ủng hộ shop ❤️",
        "Dạ chất cotton 100% ạ",
        "Dạ mã vẫn dùng được đến hết tháng ạ",
    ];

    public static readonly string[] Posts =
    [
        "🌸 Bộ sưu tập mới đã về! Inbox shop để được tư vấn size nhé.",
        "Flash sale cuối tuần - giảm 30% toàn bộ áo thun!",
        "New arrivals: summer dresses in 5 colours.",
        "Khách hàng feedback - cảm ơn mọi người đã tin tưởng shop ❤️",
        "Freeship toàn quốc cho đơn từ 300k.",
        "Sản phẩm best seller tháng này, còn rất ít hàng!",
    ];

    public static readonly string[] Comments =
    [
        "Giá sao shop?", "Ib mình nhé", "Còn màu trắng không?", "Đẹp quá 😍", "Size L còn không ạ?",
        "How much?", "Check inbox please", "Mình đã ib", "Ship COD không shop?", "Xinh quá",
    ];

    public static string Pick(string[] items, ulong hash) => items[(int)(hash % (ulong)items.Length)];

    public static string PersonName(ulong hash) =>
        string.Join(' ', Pick(FamilyNames, hash), Pick(MiddleNames, hash >> 16), Pick(GivenNames, hash >> 32));

    public static string Username(ulong hash) =>
        string.Concat(Pick(GivenNames, hash >> 32).ToLowerInvariant(), ".", (hash % 10000).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
