/**
 * Demo articles for the merged province (DEMO DATA, written by the ttdn developers: invented
 * events in the style of provincial and national news, not copies of real articles; the
 * addresses are on the reserved `.example` domain). Loaded through the real pipeline, so tone,
 * topics, stories and alerts are the product's own reading. `daysAgo` places each one relative
 * to the day the demo is loaded.
 */
export interface DemoArticle {
  outlet: string;
  country: string;
  language: 'vi' | 'en';
  daysAgo: number;
  slug: string;
  title: string;
  text: string;
}

const FLOOD =
  'Mưa lớn kéo dài gây ngập sâu tại nhiều xã vùng trũng của tỉnh Quảng Trị. Hàng nghìn ngôi nhà bị ngập, nhiều tuyến đường bị chia cắt, hai người thiệt mạng do lũ cuốn. Lực lượng chức năng khẩn trương sơ tán người dân, cứu trợ lương thực và nước sạch cho các hộ bị cô lập.';

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    outlet: 'Báo và Phát thanh - Truyền hình Quảng Trị',
    country: 'VN',
    language: 'vi',
    daysAgo: 1,
    slug: 'hoi-nghi-xuc-tien-dau-tu-dong-hoi',
    title: 'Quảng Trị tổ chức hội nghị xúc tiến đầu tư tại Đồng Hới',
    text: 'Tỉnh Quảng Trị tổ chức hội nghị xúc tiến đầu tư tại phường Đồng Hới với sự tham dự của hơn 300 doanh nghiệp trong và ngoài nước. Tại hội nghị, tỉnh trao quyết định chủ trương đầu tư cho 12 dự án về năng lượng, du lịch và logistics, tổng vốn đăng ký hơn 40 nghìn tỷ đồng. Các nhà đầu tư đánh giá cao môi trường đầu tư thông thoáng, hạ tầng được cải thiện.',
  },
  {
    outlet: 'Báo Nhân Dân',
    country: 'VN',
    language: 'vi',
    daysAgo: 1,
    slug: 'xuc-tien-dau-tu-quang-tri-40-nghin-ty',
    title: 'Quảng Trị trao chủ trương đầu tư 12 dự án, vốn hơn 40 nghìn tỷ đồng',
    text: 'Tại hội nghị xúc tiến đầu tư tổ chức ở Đồng Hới, tỉnh Quảng Trị trao quyết định chủ trương đầu tư cho 12 dự án về năng lượng, du lịch và logistics, tổng vốn đăng ký hơn 40 nghìn tỷ đồng. Hơn 300 doanh nghiệp trong và ngoài nước tham dự; nhiều nhà đầu tư đánh giá cao môi trường đầu tư thông thoáng và hạ tầng được cải thiện.',
  },
  {
    outlet: 'Báo và Phát thanh - Truyền hình Quảng Trị',
    country: 'VN',
    language: 'vi',
    daysAgo: 3,
    slug: 'lu-lut-vung-trung',
    title: 'Mưa lũ gây ngập sâu, hai người thiệt mạng',
    text: FLOOD,
  },
  {
    outlet: 'VnExpress',
    country: 'VN',
    language: 'vi',
    daysAgo: 3,
    slug: 'quang-tri-ngap-sau-hai-nguoi-chet',
    title: 'Quảng Trị: hàng nghìn nhà bị ngập, hai người thiệt mạng do lũ',
    text: FLOOD + ' Nhiều diện tích lúa và hoa màu bị thiệt hại nặng.',
  },
  {
    outlet: 'Báo Quân đội nhân dân',
    country: 'VN',
    language: 'vi',
    daysAgo: 5,
    slug: 'bien-phong-lao-bao-bat-giu-buon-lau',
    title: 'Biên phòng cửa khẩu Lao Bảo bắt giữ vụ buôn lậu ma túy',
    text: 'Đồn Biên phòng cửa khẩu quốc tế Lao Bảo phối hợp với các lực lượng chức năng bắt giữ một đối tượng vận chuyển trái phép 12 bánh heroin qua biên giới. Đây là vụ buôn lậu ma túy lớn nhất trên tuyến biên giới Việt - Lào thuộc địa bàn tỉnh trong năm nay. Vụ việc đang được điều tra làm rõ.',
  },
  {
    outlet: 'Đài Tiếng nói Việt Nam',
    country: 'VN',
    language: 'vi',
    daysAgo: 6,
    slug: 'phong-nha-don-khach-quoc-te',
    title: 'Phong Nha - Kẻ Bàng đón lượng khách quốc tế tăng mạnh',
    text: 'Vườn quốc gia Phong Nha - Kẻ Bàng đón hơn 80 nghìn lượt khách quốc tế trong mười tháng, tăng 25% so với cùng kỳ. Các tour khám phá hang Sơn Đoòng, hang Én được du khách châu Âu và Úc ưa chuộng. Ngành du lịch tỉnh Quảng Trị đẩy mạnh quảng bá hình ảnh điểm đến an toàn, thân thiện.',
  },
  {
    outlet: 'VietnamPlus English',
    country: 'VN',
    language: 'en',
    daysAgo: 7,
    slug: 'quang-tri-laos-border-trade',
    title: 'Quang Tri and Lao provinces boost trade through the Lao Bao border gate',
    text: 'Quang Tri province and the Lao province of Savannakhet agreed to expand cooperation in trade, logistics and tourism along the East-West Economic Corridor. Goods cleared through the Lao Bao and La Lay border gates rose by nearly a fifth this year, and both sides pledged to simplify customs procedures and upgrade infrastructure.',
  },
  {
    outlet: 'Trang tin hải ngoại (mẫu)',
    country: 'US',
    language: 'vi',
    daysAgo: 8,
    slug: 'xuyen-tac-tu-do-ton-giao',
    title: 'Bài viết xuyên tạc tình hình tự do tôn giáo ở Quảng Trị',
    text: 'Một trang tin ở nước ngoài đăng bài vu khống chính quyền tỉnh Quảng Trị đàn áp tín đồ, cưỡng chế đất của một cơ sở tôn giáo và bắt giữ người biểu tình. Bài viết dựng chuyện, bịa đặt số liệu, kêu gọi chống phá và bôi nhọ chính sách tôn giáo của Việt Nam, gây hoang mang dư luận.',
  },
  {
    outlet: 'Báo Tuổi Trẻ',
    country: 'VN',
    language: 'vi',
    daysAgo: 9,
    slug: 'cham-tre-giai-ngan-von-dau-tu-cong',
    title: 'Giải ngân vốn đầu tư công chậm trễ, nhiều dự án chắp vá',
    text: 'Tiến độ giải ngân vốn đầu tư công của tỉnh Quảng Trị đạt thấp, nhiều dự án giao thông chậm trễ, thi công manh mún, chắp vá. Đại biểu Hội đồng nhân dân chất vấn trách nhiệm của các chủ đầu tư, yêu cầu xử lý nghiêm tình trạng né tránh, đùn đẩy, gây lãng phí nguồn lực.',
  },
  {
    outlet: 'Báo và Phát thanh - Truyền hình Quảng Trị',
    country: 'VN',
    language: 'vi',
    daysAgo: 11,
    slug: 'dac-khu-con-co-dien-luoi',
    title: 'Đặc khu Cồn Cỏ hoàn thành đưa điện lưới quốc gia ra đảo',
    text: 'Dự án cấp điện lưới quốc gia cho đặc khu Cồn Cỏ chính thức hoàn thành, đáp ứng nhu cầu sinh hoạt của quân và dân trên đảo, tạo điều kiện phát triển du lịch biển. Người dân phấn khởi, chính quyền đặc khu cảm ơn sự hỗ trợ của Trung ương và tỉnh.',
  },
  {
    outlet: 'Báo Thanh Niên',
    country: 'VN',
    language: 'vi',
    daysAgo: 13,
    slug: 'tau-ca-ngu-dan-gap-nan',
    title: 'Tàu cá của ngư dân gặp nạn trên biển, bốn người mất tích',
    text: 'Một tàu cá của ngư dân xã Cửa Việt bị sóng lớn đánh chìm khi đang đánh bắt ở vùng biển phía đông đảo Cồn Cỏ. Ba thuyền viên được cứu, bốn người còn mất tích. Bộ đội Biên phòng tỉnh huy động tàu tìm kiếm cứu nạn trong điều kiện thời tiết rất nguy hiểm.',
  },
  {
    outlet: 'Vientiane Times',
    country: 'LA',
    language: 'en',
    daysAgo: 15,
    slug: 'savannakhet-quang-tri-friendship',
    title: 'Savannakhet and Quang Tri celebrate friendship with cultural exchange',
    text: 'Artists from Savannakhet and Quang Tri performed together at a friendship festival marking the long-standing ties between the two neighbouring provinces. Officials praised the close cooperation in education, health care and border management, and signed a plan for student exchanges next year.',
  },
  {
    outlet: 'Báo Quốc tế',
    country: 'VN',
    language: 'vi',
    daysAgo: 17,
    slug: 'doan-dai-su-tham-quang-tri',
    title: 'Đoàn đại sứ các nước ASEAN thăm và làm việc tại Quảng Trị',
    text: 'Đoàn đại sứ, đại biện các nước ASEAN tại Việt Nam thăm và làm việc với lãnh đạo tỉnh Quảng Trị, tìm hiểu tiềm năng hợp tác về kinh tế biển, năng lượng tái tạo và du lịch di sản. Các đại sứ bày tỏ ấn tượng với sự phát triển năng động và mong muốn thúc đẩy kết nối doanh nghiệp.',
  },
  {
    outlet: 'Trang tin hải ngoại (mẫu)',
    country: 'DE',
    language: 'vi',
    daysAgo: 19,
    slug: 'xuyen-tac-nhan-quyen-bien-gioi',
    title: 'Luận điệu sai trái về nhân quyền của người dân tộc thiểu số vùng biên',
    text: 'Một blog ở nước ngoài tiếp tục tung tin thất thiệt rằng người dân tộc thiểu số ở vùng biên giới Hướng Hóa bị phân biệt đối xử, bị cấm đi lại và bị ép bỏ đạo. Các luận điệu bịa đặt này nhằm kích động, chia rẽ khối đại đoàn kết dân tộc và bôi nhọ thành tựu nhân quyền của Việt Nam.',
  },
  {
    outlet: 'Báo Nhân Dân',
    country: 'VN',
    language: 'vi',
    daysAgo: 21,
    slug: 'le-hoi-thong-nhat-non-song',
    title: 'Lễ hội Vì hòa bình tại Quảng Trị thu hút đông đảo du khách',
    text: 'Lễ hội Vì hòa bình diễn ra tại đôi bờ Hiền Lương - Bến Hải với nhiều hoạt động văn hóa, nghệ thuật đặc sắc, thu hút hàng chục nghìn lượt du khách trong nước và quốc tế. Lễ hội góp phần quảng bá hình ảnh vùng đất anh hùng, khát vọng hòa bình của nhân dân Việt Nam.',
  },
  {
    outlet: 'Reuters (mẫu)',
    country: 'GB',
    language: 'en',
    daysAgo: 24,
    slug: 'vietnam-central-floods-damage',
    title: 'Floods kill two in central Vietnam, thousands of homes submerged',
    text: 'Heavy rain flooded thousands of homes in central Vietnam, killing two people and cutting off several roads in Quang Tri province, the government said. Authorities evacuated residents from low-lying areas and warned of landslides in mountain districts as more rain was forecast.',
  },
  {
    outlet: 'Báo và Phát thanh - Truyền hình Quảng Trị',
    country: 'VN',
    language: 'vi',
    daysAgo: 26,
    slug: 'cang-cua-viet-don-tau',
    title: 'Cảng Cửa Việt đón tàu hàng trọng tải lớn',
    text: 'Cảng Cửa Việt lần đầu đón tàu hàng trọng tải 5.000 tấn sau khi hoàn thành nạo vét luồng. Sản lượng hàng hóa qua cảng dự kiến tăng mạnh, góp phần giảm chi phí logistics cho doanh nghiệp xuất nhập khẩu của tỉnh và các nước bạn Lào, Thái Lan.',
  },
  {
    outlet: 'Báo Tiền Phong',
    country: 'VN',
    language: 'vi',
    daysAgo: 28,
    slug: 'bao-ve-chu-quyen-bien-dao',
    title: 'Thanh niên miền Trung chung tay bảo vệ chủ quyền biển, đảo của Việt Nam',
    text: 'Chương trình Hành trình vì biển đảo quê hương đưa hàng trăm đoàn viên thanh niên đến thăm, tặng quà cán bộ, chiến sĩ và ngư dân, tuyên truyền về chủ quyền biển, đảo của Việt Nam và các quy định về khai thác hải sản hợp pháp.',
  },
];
